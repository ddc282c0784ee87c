using System.Text.Json;
using Depeche.Linking;

namespace Depeche.Storage.Tests;

/// <summary>
/// The store contract: every backend passes the same tests. A subclass says how to open a fresh, empty store and how
/// to reopen the same one (to see what survives a new process).
/// </summary>
public abstract class EventStoreContract : IDisposable
{
    private readonly List<IEventStore> opened = [];

    /// <summary>Opens the test's store (the same one every call), created empty on the first call.</summary>
    protected abstract IEventStore OpenStore(Func<IStoryLinker> linker);

    protected IEventStore Open(TestLinker? linker = null)
    {
        linker ??= new TestLinker();
        return Open(() => linker);
    }

    protected IEventStore Open(Func<IStoryLinker> linker)
    {
        var store = OpenStore(linker);
        opened.Add(store);
        return store;
    }

    public virtual void Dispose()
    {
        foreach (var s in opened) s.Dispose();
        GC.SuppressFinalize(this);
    }

    private static DocumentRecord R(Document d) => DocumentRecord.Create(d, outlet: d.Id.Split('-')[0].ToUpperInvariant(), url: $"https://exemple.test/{d.Id}");

    [SkippableFact]
    public void Stored_events_read_back_with_schema_fields_document_and_story()
    {
        var store = Open();
        var result = store.Store([R(Dispatches.Afp())]);
        Assert.Equal((1, 0, 0, 1), (result.Added, result.Replaced, result.Unchanged, result.Events));
        var e = Assert.Single(store.Events(new EventQuery()));
        Assert.Equal("afp-istanbul#0", e.Key);
        Assert.Equal("afp-istanbul", e.Document);
        Assert.NotNull(e.Story);
        using var json = JsonDocument.Parse(e.Json);
        Assert.Equal("CONSULT", json.RootElement.GetProperty("type").GetString());
        Assert.Equal("04", json.RootElement.GetProperty("cameo").GetString()); // CAMEO kept as a string, leading zero
        Assert.Equal("pourparlers", json.RootElement.GetProperty("trigger").GetProperty("text").GetString());
        // the mention rebuilt from the store matches the extracted event span for span
        var original = Dispatches.Afp().Events[0];
        var mention = store.Mentions()["afp-istanbul#0"];
        Assert.Equal(original.Trigger, mention.Event.Trigger);
        Assert.Equal(original.Evidence, mention.Event.Evidence);
        Assert.Equal(["RUS", "USA"], mention.Event.Actors.Select(a => a.Code));
        Assert.Equal("Istanbul", mention.Event.Location?.Name);
        Assert.Equal(new DateOnly(2025, 4, 11), mention.Published);
        Assert.Equal("AFP", mention.Outlet);
        Assert.StartsWith("Des diplomates", mention.SentenceText);
    }

    [SkippableFact]
    public void An_event_placed_in_a_country_alone_reads_back()
    {
        var store = Open();
        var d = Dispatches.Afp();
        var e = d.Events[0];
        d.Events = [new Event
        {
            Type = e.Type, Mode = e.Mode, Actors = e.Actors, Date = e.Date, Status = e.Status, Trigger = e.Trigger,
            Sentence = e.Sentence, Evidence = e.Evidence, Location = new EventLocation(null, "TUR"),
        }];
        store.Store([R(d)]);
        var mention = store.Mentions()["afp-istanbul#0"];
        Assert.Equal((null, "TUR"), (mention.Event.Location?.Name, mention.Event.Location?.Country));
    }

    [SkippableFact]
    public void Storing_the_same_document_again_changes_nothing()
    {
        var store = Open();
        store.Store([R(Dispatches.Afp()), R(Dispatches.Reuters())]);
        var before = store.Statistics();
        var again = store.Store([R(Dispatches.Afp()), R(Dispatches.Reuters())]);
        Assert.Equal((0, 0, 2, 0), (again.Added, again.Replaced, again.Unchanged, again.Events));
        Assert.Equal(before, store.Statistics());
        Assert.Equal(2, store.DocumentHashes().Count);
    }

    [SkippableFact]
    public void A_changed_document_replaces_the_old_version_and_leaves_its_story()
    {
        var linker = new TestLinker();
        var store = Open(linker);
        store.Store([R(Dispatches.Afp()), R(Dispatches.Reuters())]);
        Assert.Single(store.Stories());
        // the Reuters story is corrected: the meeting was on Wednesday, so it no longer matches AFP's
        var corrected = Dispatches.Make("reuters-istanbul", Dispatches.IstanbulReuters.Replace("jeudi", "mercredi"), "2025-04-11",
            [new("réunion", "CONSULT", "2025-04-09", ["RUS", "USA"], "Istanbul")]);
        var result = store.Store([R(corrected)]);
        Assert.Equal(1, result.Replaced);
        Assert.Equal(["reuters-istanbul"], linker.Removed);
        Assert.Equal(2, store.Statistics().Documents);
        var stories = store.Stories();
        Assert.Equal(2, stories.Count);
        Assert.All(stories, s => Assert.Single(s.Members));
        Assert.Equal("2025-04-09", Assert.Single(store.Events(new EventQuery { Document = "reuters-istanbul" })).Date);
        // the old text left the full-text index
        Assert.DoesNotContain(store.Search("jeudi"), h => h.Document == "reuters-istanbul");
        Assert.Contains(store.Search("mercredi"), h => h.Document == "reuters-istanbul");
    }

    [SkippableFact]
    public void Two_versions_of_a_document_in_one_batch_leave_the_second()
    {
        var store = Open();
        var corrected = Dispatches.Make("afp-istanbul", Dispatches.IstanbulAfp.Replace("jeudi", "mercredi"), "2025-04-11",
            [new("pourparlers", "CONSULT", "2025-04-09", ["RUS", "USA"], "Istanbul")]);
        var result = store.Store([R(Dispatches.Afp()), R(corrected)]);
        Assert.Equal((1, 1), (result.Added, result.Replaced));
        Assert.Equal([StoreOutcome.Added, StoreOutcome.Replaced], result.Outcomes);
        var e = Assert.Single(store.Events(new EventQuery()));
        Assert.Equal("2025-04-09", e.Date);
        Assert.Empty(store.Quotes(null)); // the second version has no quotation: the first one's left with it
        Assert.Equal(1, store.Statistics().Stories);
    }

    [SkippableFact]
    public void Two_outlets_reporting_one_meeting_share_a_story_and_the_timeline_lists_both()
    {
        var store = Open();
        store.Store([R(Dispatches.May()), R(Dispatches.Afp()), R(Dispatches.Reuters())]);
        var events = store.Events(new EventQuery());
        Assert.Equal(3, events.Count);
        var istanbul = events.Where(e => e.Document != "lemonde-riyad").Select(e => e.Story).Distinct().ToList();
        Assert.Single(istanbul);
        Assert.NotEqual(istanbul[0], events.Single(e => e.Document == "lemonde-riyad").Story); // a month later: another meeting
        var timeline = store.Timeline(["rus", "États-Unis"]);
        Assert.Equal(["2025-04-10", "2025-05"], timeline.Select(t => t.Story.Date)); // date order, whatever the ingest order
        Assert.Equal(["afp-istanbul", "reuters-istanbul"], timeline[0].Sources.Select(s => s.Document).Order());
        Assert.Contains(timeline[0].Quotes, q => q.Speaker == "Tammy Bruce");
        Assert.Empty(store.Timeline(["RUS", "CHN"]));
    }

    [SkippableFact]
    public void Events_filter_by_actor_type_and_granularity_aware_dates()
    {
        var store = Open();
        store.Store([R(Dispatches.Afp()), R(Dispatches.May())]);
        Assert.Equal(2, store.Events(new EventQuery { Actors = ["RUS", "USA"], Type = "consult" }).Count);
        Assert.Equal(2, store.Events(new EventQuery { Actors = ["russie"] }).Count); // by name, folded
        Assert.Empty(store.Events(new EventQuery { Actors = ["RUS", "FRA"] }));
        Assert.Empty(store.Events(new EventQuery { Type = "SANCTION" }));
        // "2025-05" covers the whole month: a range ending on 2025-05-03 still reaches it
        var april = store.Events(new EventQuery { From = new DateOnly(2025, 4, 1), To = new DateOnly(2025, 4, 30) });
        Assert.Equal(["afp-istanbul"], april.Select(e => e.Document));
        Assert.Equal(2, store.Events(new EventQuery { From = new DateOnly(2025, 4, 10), To = new DateOnly(2025, 5, 3) }).Count);
        Assert.Empty(store.Events(new EventQuery { From = new DateOnly(2025, 6, 1) }));
    }

    [SkippableFact]
    public void Search_folds_accents_case_and_ligatures_and_ignores_query_syntax()
    {
        var store = Open();
        store.Store([R(Dispatches.Afp()), R(Dispatches.Reuters()), R(Dispatches.May())]);
        Assert.Equal(["afp-istanbul"], store.Search("ELYSEE").Where(h => h.Kind == "document").Select(h => h.Document));
        Assert.Equal(["reuters-istanbul"], store.Search("coeur").Select(h => h.Document));
        Assert.Equal(["reuters-istanbul"], store.Search("Cœur").Select(h => h.Document));
        var both = store.Search("ambassades Istanbul");
        Assert.Equal(["afp-istanbul"], both.Where(h => h.Kind == "document").Select(h => h.Document)); // every word must occur
        Assert.Contains("[Istanbul]", both[0].Snippet); // the first place a word occurs
        Assert.Contains(store.Search("avancé"), h => h.Kind == "quote" && h.Document == "afp-istanbul");
        Assert.Empty(store.Search("\"NEAR( OR * -"));
        Assert.Empty(store.Search("Pékin"));
    }

    [SkippableFact]
    public void Search_ranks_the_document_that_dwells_on_the_words_first()
    {
        var store = Open();
        var dwelling = Dispatches.Make("ria-istanbul",
            "À Istanbul, les délégations ont quitté Istanbul tard. Istanbul reste le lieu choisi pour la suite, a-t-on appris.", "2025-04-11", []);
        store.Store([R(Dispatches.Reuters()), R(dwelling), R(Dispatches.Afp())]);
        var hits = store.Search("istanbul").Where(h => h.Kind == "document").ToList();
        Assert.Equal(3, hits.Count);
        Assert.Equal("ria-istanbul", hits[0].Document); // three times against once: the rank uses term frequency
        Assert.True(hits[0].Score > hits[2].Score);
    }

    [SkippableFact]
    public void Quotes_by_speaker_and_actors_with_roles()
    {
        var store = Open();
        store.Store([R(Dispatches.Afp()), R(Dispatches.Reuters())]);
        var quote = Assert.Single(store.Quotes("tammy bruce"));
        Assert.Equal("« Nous avons avancé »", quote.Text);
        Assert.Single(store.Quotes("Bruce"));
        Assert.Empty(store.Quotes("Lavrov"));
        var actors = store.Actors();
        // a named party is an actor of its own, its code its country (a state as the extractor writes it has no name)
        var rus = actors.Single(a => a.Code == "RUS");
        Assert.Equal(2, rus.Events);
        Assert.Equal(("Russie", "Russie"), (rus.Actor, rus.Name));
        Assert.Equal(2, rus.Roles["actors"]);
    }

    [SkippableFact]
    public void Why_returns_the_stored_decision_and_null_for_an_unknown_event()
    {
        var store = Open();
        store.Store([R(Dispatches.Afp()), R(Dispatches.Reuters())]);
        var first = store.Why("afp-istanbul#0");
        var second = store.Why("reuters-istanbul#0");
        Assert.NotNull(first);
        Assert.True(first.NewStory);
        Assert.NotNull(second);
        Assert.False(second.NewStory);
        Assert.Equal(first.Story, second.Story);
        Assert.Equal("type+date+actors", Assert.Single(second.Reasons).Feature);
        Assert.Null(store.Why("afp-istanbul#7"));
    }

    [SkippableFact]
    public void A_reopened_store_restores_the_linker_and_new_reports_join_old_stories()
    {
        var store = Open();
        store.Store([R(Dispatches.Afp())]);
        string story = store.Events(new EventQuery())[0].Story!;
        store.Dispose();
        var linker = new TestLinker();
        var reopened = Open(linker);
        Assert.Equal(0, linker.Restored); // queries alone never rebuild the linker
        Assert.Single(reopened.Stories());
        reopened.Store([R(Dispatches.Reuters())]);
        Assert.Equal(1, linker.Restored);
        Assert.Equal(story, reopened.Events(new EventQuery { Document = "reuters-istanbul" })[0].Story);
        var stored = Assert.Single(reopened.Stories());
        Assert.Equal(["afp-istanbul#0", "reuters-istanbul#0"], stored.Members);
        Assert.Equal(["RUS", "USA"], stored.Actors);
    }

    [SkippableFact]
    public void A_failed_batch_leaves_the_store_as_it_was_and_the_next_batch_resumes()
    {
        string? failOn = null;
        int made = 0;
        var store = Open(() => { made++; return new TestLinker { FailOn = () => failOn }; });
        store.Store([R(Dispatches.Afp())]);
        var before = store.Statistics();
        failOn = "lemonde-riyad#0";
        Assert.Throws<InvalidOperationException>(() => store.Store([R(Dispatches.Reuters()), R(Dispatches.May())]));
        Assert.Equal(before, store.Statistics());
        Assert.Single(store.DocumentHashes());
        failOn = null;
        var resumed = store.Store([R(Dispatches.Reuters()), R(Dispatches.May())]);
        Assert.Equal(2, resumed.Added);
        Assert.Equal(2, made);
        // the linker was rebuilt from the database: Reuters joins AFP's story once, not twice
        var stories = store.Stories();
        Assert.Equal(2, stories.Count);
        Assert.Equal(2, stories.Single(s => s.Date == "2025-04-10").Members.Count);
    }

    [SkippableFact]
    public void Conflicting_places_are_kept_side_by_side_in_the_stored_story()
    {
        var store = Open();
        var ankara = Dispatches.Make("tass-ankara", "Les délégations russe et américaine ont tenu jeudi une réunion à Ankara.", "2025-04-11",
            [new("réunion", "CONSULT", "2025-04-10", ["RUS", "USA"], "Ankara")]);
        store.Store([R(Dispatches.Afp()), R(ankara)]);
        var story = Assert.Single(store.Stories());
        var conflict = Assert.Single(story.Conflicts);
        Assert.Equal("location", conflict.Field);
        Assert.Equal(["Istanbul", "Ankara"], conflict.Claims.Select(c => c.Value));
        Assert.Equal(["tass-ankara#0"], conflict.Claims[1].Mentions);
    }
}
