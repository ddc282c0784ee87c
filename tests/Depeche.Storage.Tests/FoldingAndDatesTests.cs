namespace Depeche.Storage.Tests;

public sealed class TextFoldingTests
{
    [Theory]
    [InlineData("Élysée", "elysee")]              // accents and capitals
    [InlineData("cœur", "coeur")]                 // a ligature is two letters
    [InlineData("l’Œuvre", "l'oeuvre")]           // typographic apostrophe made plain
    [InlineData("Noël\u00A0à Nîmes", "noel a nimes")] // non-breaking space made plain
    [InlineData("ÇA", "ca")]
    public void Folds_like_a_French_reader_searching(string text, string folded) => Assert.Equal(folded, TextFolding.Fold(text));

    [Fact]
    public void The_map_points_every_folded_character_at_its_original()
    {
        var folded = TextFolding.Fold("Œil vif", out var map);
        Assert.Equal("oeil vif", folded);
        Assert.Equal([0, 0, 1, 2, 3, 4, 5, 6], map); // "oe" both come from "Œ"
    }

    [Theory]
    [InlineData("l'Élysée a démenti", new[] { "l", "elysee", "a", "dementi" })]
    [InlineData("États-Unis \"NEAR(", new[] { "etats", "unis", "near" })] // query syntax is only punctuation
    [InlineData("  ", new string[0])]
    public void Query_terms_are_folded_words(string query, string[] terms) => Assert.Equal(terms, TextFolding.QueryTerms(query));

    [Fact]
    public void Snippets_mark_a_whole_word_in_the_original_spelling()
    {
        // "élyséen" begins like "elysee" but is another word: the mark goes on "Élysée"
        var snippet = TextFolding.Snippet("Un conseiller élyséen a parlé ; l'Élysée a démenti.", ["elysee"]);
        Assert.Contains("l'[Élysée] a", snippet);
    }

    [Theory]
    [InlineData("Sergueï Lavrov", "serguei lavrov")]
    [InlineData("  RUS ", "rus")]
    [InlineData("Tammy   Bruce", "tammy bruce")]
    public void Actor_keys_ignore_case_accents_and_spacing(string actor, string key) => Assert.Equal(key, TextFolding.ActorKey(actor));
}

public sealed class DateRangeTests
{
    [Theory]
    [InlineData("2025-04-10", "2025-04-10", "2025-04-10")]
    [InlineData("2025-02", "2025-02-01", "2025-02-28")]
    [InlineData("2024-02", "2024-02-01", "2024-02-29")]  // leap year
    [InlineData("2025", "2025-01-01", "2025-12-31")]
    [InlineData("2025-W01", "2024-12-30", "2025-01-05")] // ISO week 1 starts in the previous year
    [InlineData("2025-Q2", "2025-04-01", "2025-06-30")]
    public void A_value_covers_the_days_of_its_granularity(string value, string first, string last)
    {
        var range = DateRange.Of(value);
        Assert.NotNull(range);
        Assert.Equal((first, last), (DateRange.Text(range.Value.First), DateRange.Text(range.Value.Last)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("XXXX-02-27")] // no year: not in any range
    [InlineData("P3D")]        // a duration is not a date
    [InlineData("2025-13")]
    [InlineData("2025-02-30")]
    public void Undated_or_invalid_values_cover_nothing(string? value) => Assert.Null(DateRange.Of(value));
}
