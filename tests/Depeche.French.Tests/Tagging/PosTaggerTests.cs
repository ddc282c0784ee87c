using Depeche.French.Tagging;
using Depeche.Serialization;
using Depeche.Testing;

namespace Depeche.French.Tests.Tagging;

public class PosTaggerTests
{
    private static Document Tag(string text)
    {
        var d = FrenchPipeline.Instance.Process(new Document("t", text));
        LayerInvariants.AssertWellFormed(d);
        Assert.Equal(d.Tokens.Length, d.Tags.Length);
        return d;
    }

    private static TokenTag TagOf(Document d, string token)
    {
        int i = Array.FindIndex(d.Tokens, t => d[t.Span].SequenceEqual(token));
        Assert.True(i >= 0, $"no token '{token}'");
        return d.Tags[i];
    }

    [Fact]
    public void Typographic_and_straight_apostrophes_tag_alike()
    {
        // the tagger reads the normalised view: ’ is ' and the non-breaking space a space
        var curly = Tag("L’armée russe a bombardé l’Ukraine\u00A0: «\u00A0C’est inacceptable\u00A0».");
        var straight = Tag("L'armée russe a bombardé l'Ukraine : « C'est inacceptable ».");
        Assert.Equal(straight.Tags, curly.Tags);
    }

    [Fact]
    public void Multi_word_tokens_carry_both_analyses()
    {
        var d = Tag("Le ministre du Travail s'est rendu au siège des syndicats.");
        var du = TagOf(d, "du");
        Assert.Equal((Upos.ADP, Upos.DET, "de+le"), (du.Upos, du.Upos2, du.Lemma));
        var au = TagOf(d, "au");
        Assert.Equal((Upos.ADP, Upos.DET, "à+le"), (au.Upos, au.Upos2, au.Lemma));
        Assert.False(TagOf(d, "siège").IsMultiWord);
    }

    [Fact]
    public void Verbs_get_tense_mood_and_lemma()
    {
        var d = Tag("Les ministres se réuniront demain, a précisé la porte-parole, qui avait annoncé la rencontre.");
        var reuniront = TagOf(d, "réuniront");
        Assert.Equal((Upos.VERB, Tense.Fut, Mood.Ind, Person.Third, Number.Plur, "réunir"),
            (reuniront.Upos, reuniront.Feats.Tense, reuniront.Feats.Mood, reuniront.Feats.Person, reuniront.Feats.Number, reuniront.Lemma));
        var precise = TagOf(d, "précisé");
        Assert.Equal((VerbForm.Part, Tense.Past, "préciser"), (precise.Feats.VerbForm, precise.Feats.Tense, precise.Lemma));
        var avait = TagOf(d, "avait");
        Assert.Equal((Upos.AUX, Tense.Imp, "avoir"), (avait.Upos, avait.Feats.Tense, avait.Lemma));
    }

    [Fact]
    public void Unknown_words_get_a_lemma_from_suffix_rules()
    {
        // invented verb forms: no lexicon entry, so the lemma comes from the rewrite rules of "-aient", "-ées"
        var d = Tag("Les négociateurs zorglubaient depuis des heures.");
        var verb = TagOf(d, "zorglubaient");
        Assert.Equal(Upos.VERB, verb.Upos);
        Assert.Equal("zorgluber", verb.Lemma);
    }

    [Fact]
    public void Proper_nouns_keep_their_capitals_as_lemma()
    {
        var d = Tag("Le chef de la diplomatie, Sergueï Lavrov, est arrivé à Ankara.");
        var ankara = TagOf(d, "Ankara");
        Assert.Equal((Upos.PROPN, "Ankara"), (ankara.Upos, ankara.Lemma));
    }

    [Fact]
    public void Tags_appear_in_the_json_tokens()
    {
        var d = Tag("Il a démenti.");
        string json = DocumentJsonWriter.ToJson(d, new JsonOutputOptions { IncludeTokens = true });
        Assert.Contains("\"upos\":\"AUX\",\"lemma\":\"avoir\"", json);
        Assert.Contains("\"lemma\":\"démentir\",\"feats\":\"Gender=Masc|Number=Sing|Tense=Past|VerbForm=Part\"", json);
    }

    [Fact]
    public void Model_survives_a_save_and_load_round_trip()
    {
        var model = TaggerModel.Shared;
        using var buffer = new MemoryStream();
        model.Save(buffer);
        buffer.Position = 0;
        var loaded = TaggerModel.Load(buffer);
        const string text = "Le Kremlin a rejeté mardi les accusations de Washington.";
        var a = new Document("a", text);
        var b = new Document("b", text);
        FrenchPipeline.CreateBuilder().Build().Process(a);
        var pipeline = new Depeche.Pipeline.PipelineBuilder()
            .Add(new Depeche.French.Normalization.TextNormalizer()).Add(new Depeche.French.Segmentation.Tokenizer()).Add(new Depeche.French.Segmentation.SentenceSplitter())
            .Add(new PosTagger(loaded)).Build();
        pipeline.Process(b);
        Assert.Equal(a.Tags, b.Tags);
    }

    [Fact]
    public void Tagging_from_several_threads_gives_the_same_tags()
    {
        const string text = "Les forces ukrainiennes ont repris le contrôle de plusieurs villages, selon Kiev.";
        var expected = Tag(text).Tags;
        var results = new TokenTag[16][];
        Parallel.For(0, results.Length, i => results[i] = FrenchPipeline.Instance.Process(new Document($"d{i}", text)).Tags);
        foreach (var r in results) Assert.Equal(expected, r);
    }

    [Fact]
    public void Tokens_outside_sentences_and_empty_text_are_handled()
    {
        Assert.Empty(Tag("").Tags);
        Assert.Equal(2, Tag("«\u00A0»").Tags.Length);
    }

    [Fact]
    public void Random_input_gets_one_tag_per_token()
    {
        // typographic characters, ligatures, emoji (surrogate pairs), decomposed accents, very long words:
        // tagging must neither throw nor misalign
        string[] alphabet = ["a", "b", "c", "é", "è", "à", "ç", "œ", " ", "A", "É", "’", "'", "«", "»", "\u00A0", "\u202F",
            "-", ".", ",", ";", ":", "!", "?", "0", "1", "9", "\n", "\r", "😀", "e\u0301"];
        var random = new Random(7);
        for (int n = 0; n < 200; n++)
        {
            var builder = new System.Text.StringBuilder();
            for (int i = random.Next(0, 400); i > 0; i--) builder.Append(alphabet[random.Next(alphabet.Length)]);
            string text = builder + (n % 10 == 0 ? new string('x', 300) : "");
            var d = Tag(text);
            foreach (var tag in d.Tags) Assert.False(string.IsNullOrEmpty(tag.Lemma));
        }
    }

    [Fact]
    public void Training_is_deterministic()
    {
        // sentences written for this test; two trainings with the same seed give byte-identical models
        GoldSentence S(string forms, string labels, string lemmas) =>
            new(forms.Split(' '), labels.Split(' '), new MorphFeatures[forms.Split(' ').Length], lemmas.Split(' '));
        var train = new[]
        {
            S("Le chat dort .", "DET NOUN VERB PUNCT", "le chat dormir ."),
            S("Les chiens aboient du matin au soir .", "DET NOUN VERB ADP+DET NOUN ADP+DET NOUN PUNCT", "le chien aboyer de+le matin à+le soir ."),
            S("Marie chante .", "PROPN VERB PUNCT", "Marie chanter ."),
        };
        var options = new TaggerTrainingOptions { Epochs = 3, UposBits = 10, MorphBits = 10 };
        byte[] Train()
        {
            var model = TaggerTrainer.Train(train, [], options, TextWriter.Null);
            using var buffer = new MemoryStream();
            model.Save(buffer);
            return buffer.ToArray();
        }
        Assert.Equal(Train(), Train());
    }

    [SkippableFact]
    public void Loads_every_function_word_entry()
    {
        // the closed lexicon parses and every entry is a known label form
        foreach (var (_, columns) in global::Depeche.French.Resources.Lexicon.Read("function-words.tsv", 2))
            foreach (var label in columns[1].Split('|'))
                TaggerModel.ParseLabel(label);
        Assert.NotEmpty(TaggerModel.FunctionWords);
    }
}
