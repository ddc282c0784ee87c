using System.Text;
using Depeche.Corpora;

namespace Depeche.Benchmarks;

/// <summary>
/// A corpus of pseudo-documents rebuilt from the UD French sentences (<c># text</c> lines of every
/// <c>../shared/peers/ud-french/*.conllu</c>): consecutive sentences grouped into documents of about 2 KB, with a paragraph
/// break every few sentences, repeated until the corpus reaches the requested size. Nothing is copied into the repository.
/// </summary>
internal static class BenchCorpus
{
    private const int DocumentChars = 2048;
    private const int SentencesPerParagraph = 4;

    /// <summary>The ud-french folder, found by walking up from the working directory and the binaries (BenchmarkDotNet
    /// runs from a generated folder); <c>DEPECHE_SHARED</c> overrides.</summary>
    public static string? FindUdFolder(string? shared = null)
    {
        shared ??= Environment.GetEnvironmentVariable("DEPECHE_SHARED");
        if (shared is not null) return Directory.Exists(Path.Combine(shared, "peers", "ud-french")) ? Path.Combine(shared, "peers", "ud-french") : null;
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "shared", "peers", "ud-french");
                if (Directory.Exists(candidate)) return candidate;
            }
        }
        return null;
    }

    /// <summary>Documents totalling at least <paramref name="minBytes"/> UTF-8 bytes.</summary>
    public static List<string> Build(string udFolder, long minBytes)
    {
        var sentences = new List<string>();
        foreach (var file in Directory.GetFiles(udFolder, "*.conllu").Order(StringComparer.Ordinal))
            foreach (var sentence in ConlluReader.ReadFile(file))
                if (sentence.Text.Length > 0) sentences.Add(sentence.Text);
        if (sentences.Count == 0) throw new InvalidOperationException($"No sentences in {udFolder}.");

        var documents = new List<string>();
        long bytes = 0;
        var current = new StringBuilder(DocumentChars + 512);
        int inParagraph = 0;
        for (int k = 0; bytes < minBytes; k = (k + 1) % sentences.Count)
        {
            if (current.Length > 0) current.Append(++inParagraph % SentencesPerParagraph == 0 ? '\n' : ' ');
            current.Append(sentences[k]);
            if (current.Length < DocumentChars) continue;
            string document = current.ToString();
            documents.Add(document);
            bytes += Encoding.UTF8.GetByteCount(document);
            current.Clear();
            inParagraph = 0;
        }
        return documents;
    }

    /// <summary>One realistic document of about <paramref name="chars"/> characters, for micro-benchmarks.</summary>
    public static string Sample(int chars)
    {
        var ud = FindUdFolder();
        if (ud is not null)
        {
            var sb = new StringBuilder();
            foreach (var document in Build(ud, chars * 2L))
            {
                sb.Append(document).Append('\n');
                if (sb.Length >= chars) break;
            }
            return sb.ToString();
        }
        // without ../shared: a dispatch written for Dépêche, repeated
        const string Written = "PARIS, 3 mars (AFP) - Le gouvernement a présenté mardi un projet de loi sur l'eau, a-t-on appris " +
            "auprès du ministère. « Nous ne laisserons pas les nappes s'épuiser. Il faut agir vite », a déclaré M. Durand, " +
            "qui s'exprimait devant 1 200 élus réunis à Saint-Étienne. Le texte prévoit une hausse de 3,5 % des redevances " +
            "d'ici au 1er janvier 2027, selon le document consulté par l'AFP (...).\nLes agriculteurs, eux, dénoncent " +
            "« une mesure injuste ». Jusqu'à présent, aucun accord n'a été trouvé avec la FNSEA, qui réclame un moratoire.\n";
        var text = new StringBuilder();
        while (text.Length < chars) text.Append(Written);
        return text.ToString();
    }
}
