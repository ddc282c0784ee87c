using Depeche.Linking;

namespace Depeche.Storage.Tests;

/// <summary>
/// A linker for the store's tests only: a mention joins the story with the same type, the same date and the same set
/// of actor codes; the place of the first report is the story's, a different place is kept as a conflict. Counts its
/// calls so tests can see what the store asked of it. <see cref="FailOn"/> names a mention that makes it throw.
/// </summary>
public sealed class TestLinker : IStoryLinker
{
    private readonly Dictionary<string, Story> stories = new(StringComparer.Ordinal);
    private int next;

    public IReadOnlyDictionary<string, Story> Stories => stories;
    public int Restored { get; private set; }
    public List<string> Removed { get; } = [];
    public Func<string?> FailOn { get; set; } = () => null;

    private static string KeyOf(EventMention m) =>
        $"{m.Event.Type}|{m.Event.Date}|{string.Join(',', m.Event.Actors.Concat(m.Event.Source).Concat(m.Event.Target).Select(a => a.Code).Distinct().Order(StringComparer.Ordinal))}";

    private readonly Dictionary<string, string> keys = new(StringComparer.Ordinal);

    private void Join(EventMention m, Story story)
    {
        story.Members.Add(m.Key);
        foreach (var a in m.Event.Actors.Concat(m.Event.Source).Concat(m.Event.Target))
            if (a.Code is { } code && !story.Actors.Contains(code)) story.Actors.Add(code);
        if (m.Event.Location is { Name: { } placeName } place)
        {
            if (story.Location is null) { story.Location = placeName; story.LocationCountry = place.Country; }
            else if (story.Location != placeName)
            {
                var first = story.Members[0];
                story.Conflicts.Add(new Conflict("location", [new Claim(story.Location, [first]), new Claim(placeName, [m.Key])]));
            }
        }
    }

    private Story New(EventMention m, string id)
    {
        var story = new Story { Id = id, Type = m.Event.Type, Date = m.Event.Date, Status = m.Event.Status };
        stories[id] = story;
        keys[KeyOf(m)] = id;
        return story;
    }

    public void Restore(EventMention mention, string story)
    {
        Restored++;
        next = Math.Max(next, int.Parse(story.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture));
        Join(mention, stories.TryGetValue(story, out var s) ? s : New(mention, story));
    }

    public LinkDecision Link(EventMention mention)
    {
        if (mention.Key == FailOn()) throw new InvalidOperationException("linker failure asked for by the test");
        if (keys.TryGetValue(KeyOf(mention), out var id) && stories.TryGetValue(id, out var story))
        {
            Join(mention, story);
            return new LinkDecision(mention.Key, id, false, 1.0, id, [new LinkReason("type+date+actors", 1.0, "identical to " + id)]);
        }
        var created = New(mention, $"S{++next}");
        Join(mention, created);
        return new LinkDecision(mention.Key, created.Id, true, 0, null, [new LinkReason("type+date+actors", 0, "no story matched")]);
    }

    public void RemoveDocument(string document)
    {
        Removed.Add(document);
        foreach (var story in stories.Values.ToList())
        {
            story.Members.RemoveAll(m => m.StartsWith(document + "#", StringComparison.Ordinal));
            if (story.Members.Count == 0) stories.Remove(story.Id);
        }
    }
}
