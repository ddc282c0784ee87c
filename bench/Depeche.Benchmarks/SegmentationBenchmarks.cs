using BenchmarkDotNet.Attributes;
using Depeche.French.Normalization;
using Depeche.French.Segmentation;

namespace Depeche.Benchmarks;

/// <summary>
/// Normaliser, tokenizer and sentence splitter over a ~64 KB French text (UD French sentences in ~2 KB paragraphs when
/// ../shared is present). Throughput = text size / mean time: <c>dotnet run -c Release --project bench/Depeche.Benchmarks -- --filter *Segmentation*</c>.
/// </summary>
[MemoryDiagnoser]
public class SegmentationBenchmarks
{
    private readonly TextNormalizer normalizer = new();
    private readonly Tokenizer tokenizer = new();
    private readonly SentenceSplitter splitter = new();
    private string text = "";
    private Document tokenized = null!;

    [GlobalSetup]
    public void Setup()
    {
        text = BenchCorpus.Sample(64 * 1024);
        tokenized = new Document("bench", text);
        normalizer.Process(tokenized);
        tokenizer.Process(tokenized);
        Console.WriteLine($"// text: {text.Length} chars, {System.Text.Encoding.UTF8.GetByteCount(text)} UTF-8 bytes, {tokenized.Tokens.Length} tokens");
    }

    [Benchmark]
    public int Normalize() => TextNormalizer.Normalize(text).Text.Length;

    [Benchmark]
    public int Tokenize()
    {
        var document = new Document("bench", text);
        normalizer.Process(document);
        tokenizer.Process(document);
        return document.Tokens.Length;
    }

    [Benchmark]
    public int SplitSentences()
    {
        splitter.Process(tokenized);
        return tokenized.Sentences.Length;
    }

    [Benchmark(Baseline = true)]
    public int Segment()
    {
        var document = new Document("bench", text);
        normalizer.Process(document);
        tokenizer.Process(document);
        splitter.Process(document);
        return document.Sentences.Length;
    }
}
