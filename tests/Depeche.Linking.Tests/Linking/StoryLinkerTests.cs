using Depeche.Linking;
using static Depeche.Linking.Tests.Mentions;

namespace Depeche.Linking.Tests.Linking;

public class StoryLinkerTests
{
    [Fact]
    public void Outlets_reporting_one_meeting_in_different_words_and_precisions_share_a_story()
    {
        var linker = new StoryLinker();
        var first = linker.Link(Talks("a", "2025-03-11", published: "2025-03-11"));
        var second = linker.Link(Talks("b", "2025-03-11", published: "2025-03-12", mode: "negotiate"));
        var third = linker.Link(Talks("c", "2025-03", published: "2025-03-20"));

        Assert.True(first.NewStory);
        Assert.False(second.NewStory);
        Assert.False(third.NewStory);
        Assert.Equal(first.Story, second.Story);
        Assert.Equal(first.Story, third.Story);
        var story = linker.Stories[first.Story];
        Assert.Equal(["a#0", "b#0", "c#0"], story.Members);
        Assert.Equal("2025-03-11", story.Date); // the most precise compatible date
        Assert.Equal("Alger", story.Location);
        Assert.Equal(["FRA", "DZA"], story.Actors);
        Assert.Empty(story.Conflicts);
    }

    [Fact]
    public void A_story_whose_reports_give_only_a_country_keeps_that_country()
    {
        var linker = new StoryLinker();
        var a = linker.Link(Mentions.Make("a", 0, "ARREST", source: [Mentions.A("FRA")], target: [Mentions.Named("Paul Durand")], date: "2025-03-03", country: "FRA"));
        var b = linker.Link(Mentions.Make("b", 0, "ARREST", source: [Mentions.A("FRA")], target: [Mentions.Named("Paul Durand")], date: "2025-03-03", country: "FRA"));
        Assert.Equal(a.Story, b.Story);
        var story = linker.Stories[a.Story];
        Assert.Null(story.Location);
        Assert.Equal("FRA", story.LocationCountry);
    }

    [Fact]
    public void The_same_ministers_meeting_again_a_month_later_is_a_new_story()
    {
        var linker = new StoryLinker();
        var march = linker.Link(Talks("a", "2025-03-11"));
        var april = linker.Link(Talks("b", "2025-04-15", place: "Paris"));
        var aprilAgain = linker.Link(Talks("c", "2025-04-15", place: "Paris", published: "2025-04-16"));
        var lateMarch = linker.Link(Talks("d", "2025-03-25"));
        Assert.NotEqual(march.Story, april.Story);
        Assert.Equal(april.Story, aprilAgain.Story);
        Assert.True(april.NewStory);
        Assert.Null(april.ComparedWith); // another month: not even a candidate
        Assert.True(lateMarch.NewStory);
        var nextDayAfterAll = linker.Link(Talks("e", "2025-03-12", published: "2025-03-11")); // one day off in a report of the same day
        Assert.Equal(march.Story, nextDayAfterAll.ComparedWith);
        Assert.Contains(nextDayAfterAll.Reasons, r => r.Feature == "date" && r.Weight == StoryLinker.Veto);
    }

    [Fact]
    public void A_call_on_the_day_of_a_meeting_is_not_the_meeting()
    {
        var linker = new StoryLinker();
        var meeting = linker.Link(Talks("a", "2025-03-11"));
        var call = linker.Link(Make("b", 0, "CONSULT", "telephone", [A("FRA", "Emmanuel Macron"), A("DZA")], date: "2025-03-11", published: "2025-03-11"));
        Assert.NotEqual(meeting.Story, call.Story);
        Assert.True(call.NewStory);
    }

    [Fact]
    public void A_report_that_does_not_say_how_they_met_joins_either()
    {
        var linker = new StoryLinker();
        var meeting = linker.Link(Talks("a", "2025-03-11"));
        var plain = linker.Link(Make("b", 0, "CONSULT", null, [A("FRA"), A("DZA")], date: "2025-03-11", place: "Alger", country: "DZA", published: "2025-03-12"));
        Assert.Equal(meeting.Story, plain.Story);
        Assert.Contains(plain.Reasons, r => r.Feature == "type" && r.Explanation.Contains("does not say", StringComparison.Ordinal));
    }

    [Fact]
    public void The_same_type_between_other_actors_on_the_same_day_and_place_stays_apart()
    {
        var linker = new StoryLinker();
        var fra = linker.Link(Talks("a", "2025-03-11"));
        var ita = linker.Link(Make("b", 0, "CONSULT", "meet", [A("ITA"), A("DZA")], date: "2025-03-11", place: "Alger", country: "DZA", published: "2025-03-12"));
        Assert.NotEqual(fra.Story, ita.Story);
        Assert.Contains(ita.Reasons, r => r.Feature == "actors" && r.Weight == StoryLinker.Veto);
    }

    [Fact]
    public void A_person_named_without_a_country_does_not_block_a_link()
    {
        var linker = new StoryLinker();
        var full = linker.Link(Talks("a", "2025-03-11"));
        var partial = linker.Link(Make("b", 0, "CONSULT", "meet", [A("DZA"), Named("Ahmed Attaf")], date: "2025-03-11", place: "Alger", country: "DZA", published: "2025-03-12"));
        Assert.Equal(full.Story, partial.Story);
    }

    [Fact]
    public void An_organisation_named_without_a_country_is_a_party_of_its_own()
    {
        var linker = new StoryLinker();
        var eu = linker.Link(Make("a", 0, "SANCTION", "sanctions", source: [Named("Union européenne")], target: [A("RUS")], date: "2025-06-24", published: "2025-06-24"));
        var uk = linker.Link(Make("b", 0, "SANCTION", "sanctions", source: [A("GBR")], target: [A("RUS")], date: "2025-06-24", published: "2025-06-24"));
        var euAgain = linker.Link(Make("c", 0, "SANCTION", "sanctions", source: [Named("Union européenne")], target: [A("RUS")], date: "2025-06", published: "2025-06-30"));
        Assert.NotEqual(eu.Story, uk.Story);
        Assert.Equal(eu.Story, euAgain.Story);
    }

    [Fact]
    public void Two_events_of_one_document_never_share_a_story_unless_identical()
    {
        var linker = new StoryLinker();
        var first = linker.Link(Talks("a", "2025-03-11", index: 0));
        var other = linker.Link(Make("a", 1, "CONSULT", "meet", [A("FRA"), A("DZA")], date: "2025-03", place: "Alger", country: "DZA", published: "2025-03-11"));
        var repeat = linker.Link(Talks("a", "2025-03-11", index: 2));
        Assert.NotEqual(first.Story, other.Story);
        Assert.Contains(other.Reasons, r => r.Feature == "same-document" && r.Weight == StoryLinker.Veto);
        Assert.Equal(first.Story, repeat.Story);
    }

    [Fact]
    public void Two_outlets_giving_different_venues_are_kept_side_by_side()
    {
        var linker = new StoryLinker();
        var a = linker.Link(Talks("a", "2025-03-11"));
        linker.Link(Talks("b", "2025-03-11", published: "2025-03-12"));
        var c = linker.Link(Talks("c", "2025-03-11", place: "Oran", published: "2025-03-14"));
        Assert.Equal(a.Story, c.Story);
        var story = linker.Stories[a.Story];
        Assert.Null(story.Location);
        Assert.Equal("DZA", story.LocationCountry);
        var conflict = Assert.Single(story.Conflicts);
        Assert.Equal("location", conflict.Field);
        Assert.Equal(2, conflict.Claims.Count);
        Assert.Equal(["a#0", "b#0"], conflict.Claims.Single(cl => cl.Value.StartsWith("Alger", StringComparison.Ordinal)).Mentions);
        Assert.Equal(["c#0"], conflict.Claims.Single(cl => cl.Value.StartsWith("Oran", StringComparison.Ordinal)).Mentions);
    }

    [Fact]
    public void A_day_off_is_tolerated_only_from_a_report_of_another_day_and_recorded_as_a_conflict()
    {
        var linker = new StoryLinker();
        var a = linker.Link(Talks("a", "2025-03-11", published: "2025-03-11"));
        var sameDay = linker.Link(Talks("b", "2025-03-12", published: "2025-03-11"));
        Assert.NotEqual(a.Story, sameDay.Story);

        var linker2 = new StoryLinker();
        var x = linker2.Link(Talks("a", "2025-03-11", published: "2025-03-11"));
        var nextDay = linker2.Link(Talks("b", "2025-03-12", published: "2025-03-13"));
        Assert.Equal(x.Story, nextDay.Story);
        Assert.Contains(linker2.Stories[x.Story].Conflicts, c => c.Field == "date");
    }

    [Fact]
    public void A_retaliation_with_roles_reversed_is_another_event()
    {
        var linker = new StoryLinker();
        var expel = linker.Link(Make("a", 0, "SANCTION", "expel", source: [A("MLI")], target: [A("FRA")], date: "2025-05-06", published: "2025-05-06"));
        var riposte = linker.Link(Make("b", 0, "SANCTION", "expel", source: [A("FRA")], target: [A("MLI")], date: "2025-05-07", published: "2025-05-08"));
        var recalled = linker.Link(Make("b", 1, "SANCTION", "expel", source: [A("MLI")], target: [A("FRA")], published: "2025-05-08"));
        Assert.NotEqual(expel.Story, riposte.Story);
        Assert.Contains(riposte.Reasons, r => r.Feature is "roles" or "date");
        Assert.Equal(expel.Story, recalled.Story); // undated, but reported two days after
    }

    [Fact]
    public void Protests_in_two_cities_on_one_day_are_two_events()
    {
        var linker = new StoryLinker();
        var lyon = linker.Link(Make("a", 0, "PROTEST", "demonstrate", source: [A("FRA", "CGT")], date: "2025-09-20", place: "Lyon", country: "FRA", published: "2025-09-20"));
        var marseille = linker.Link(Make("b", 0, "PROTEST", "demonstrate", source: [A("FRA", "CGT")], date: "2025-09-20", place: "Marseille", country: "FRA", published: "2025-09-21"));
        var lyonAgain = linker.Link(Make("c", 0, "PROTEST", "demonstrate", source: [A("FRA", "CGT")], date: "2025-09-20", place: "Lyon", country: "FRA", published: "2025-09-21"));
        Assert.NotEqual(lyon.Story, marseille.Story);
        Assert.Equal(lyon.Story, lyonAgain.Story);
    }

    [Fact]
    public void An_undated_report_joins_only_when_published_near_the_event()
    {
        var linker = new StoryLinker();
        var dated = linker.Link(Talks("a", "2025-03-11"));
        var near = linker.Link(Talks("b", null, published: "2025-03-13"));
        var far = linker.Link(Talks("c", null, published: "2025-05-30"));
        Assert.Equal(dated.Story, near.Story);
        Assert.NotEqual(dated.Story, far.Story);
    }

    [Fact]
    public void A_mention_with_neither_actors_nor_date_opens_its_own_story_and_says_why()
    {
        var linker = new StoryLinker();
        linker.Link(Make("a", 0, "PROTEST", "demonstrate", place: "Lyon", country: "FRA", published: "2025-09-20"));
        var d = linker.Link(Make("b", 0, "PROTEST", "demonstrate", place: "Lyon", country: "FRA", published: "2025-09-20"));
        Assert.True(d.NewStory);
        Assert.Contains("neither actors nor a date", Assert.Single(d.Reasons).Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_decision_explains_each_feature_and_ends_with_the_verdict()
    {
        var linker = new StoryLinker();
        linker.Link(Talks("a", "2025-03-11"));
        var d = linker.Link(Talks("b", "2025-03-11", published: "2025-03-12"));
        Assert.Equal(["type", "actors", "date", "place", "status", "decision"], d.Reasons.Select(r => r.Feature));
        Assert.All(d.Reasons, r => Assert.False(string.IsNullOrWhiteSpace(r.Explanation)));
        Assert.Equal(d.Reasons.Sum(r => r.Weight), d.Score, 3);
        Assert.True(d.Score >= new StoryLinkerOptions().Threshold);
    }

    [Fact]
    public void Removing_a_document_recomputes_the_story_and_drops_empty_ones()
    {
        var linker = new StoryLinker();
        var a = linker.Link(Talks("a", "2025-03", published: "2025-03-20"));
        linker.Link(Talks("b", "2025-03-11", place: "Oran", published: "2025-03-12"));
        Assert.Equal("2025-03-11", linker.Stories[a.Story].Date);
        Assert.Single(linker.Stories[a.Story].Conflicts.Where(c => c.Field == "location"), c => true);

        linker.RemoveDocument("b");
        var story = linker.Stories[a.Story];
        Assert.Equal(["a#0"], story.Members);
        Assert.Equal("2025-03", story.Date);
        Assert.Equal("Alger", story.Location);
        Assert.Empty(story.Conflicts);

        linker.RemoveDocument("a");
        Assert.Empty(linker.Stories);
        var again = linker.Link(Talks("c", "2025-03-11"));
        Assert.True(again.NewStory); // nothing left in the index
    }

    [Fact]
    public void Restored_stories_take_new_reports_and_new_ids_do_not_collide()
    {
        var linker = new StoryLinker();
        linker.Restore(Talks("a", "2025-03-11"), "s41");
        linker.Restore(Talks("b", "2025-03-11", published: "2025-03-12"), "s41");
        Assert.Equal(["a#0", "b#0"], linker.Stories["s41"].Members);

        var joins = linker.Link(Talks("c", "2025-03-11", published: "2025-03-13"));
        Assert.Equal("s41", joins.Story);
        var fresh = linker.Link(Talks("d", "2025-06-01", published: "2025-06-01"));
        Assert.True(fresh.NewStory);
        Assert.Equal("s42", fresh.Story);
        Assert.Throws<InvalidOperationException>(() => linker.Link(Talks("d", "2025-06-01")));
    }

    [Fact]
    public void Majority_status_and_negation_conflict()
    {
        var linker = new StoryLinker();
        var a = linker.Link(Talks("a", "2025-03-11"));
        linker.Link(Talks("b", "2025-03-11", published: "2025-03-12"));
        linker.Link(Make("c", 0, "CONSULT", "meet", [A("FRA"), A("DZA")], date: "2025-03-11", place: "Alger", country: "DZA", published: "2025-03-12", status: EventStatus.Negated));
        var story = linker.Stories[a.Story];
        Assert.Equal(EventStatus.Asserted, story.Status);
        Assert.Contains(story.Conflicts, c => c.Field == "status");
    }

    [Fact]
    public void Linking_many_documents_compares_each_with_few_candidates()
    {
        // 20,000 mentions over 200 actor pairs and two years: the index keeps candidates per type, actor and month
        var codes = new[] { "FRA", "DZA", "ITA", "DEU", "ESP", "MAR", "TUN", "RUS", "USA", "CHN", "JPN", "GBR", "BEL", "NLD", "POL", "UKR", "TUR", "IRN", "EGY", "SEN" };
        var rng = new Random(7);
        var linker = new StoryLinker();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        for (int i = 0; i < 20_000; i++)
        {
            string x = codes[rng.Next(codes.Length)], y = codes[rng.Next(codes.Length)];
            var day = new DateOnly(2024, 1, 1).AddDays(rng.Next(730));
            var date = day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            linker.Link(Make($"d{i}", 0, "CONSULT", "meet", [A(x), A(y)], date: date, published: date));
        }
        watch.Stop();
        Assert.InRange(linker.Stories.Count, 1_000, 20_000);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"linking took {watch.Elapsed}");
    }
}
