using Depeche.Linking;

namespace Depeche.Cli.Commands;

/// <summary>
/// Stand-in until the cross-document linker is merged (branch <c>link</c>): events join a story only when type, date
/// and the set of actor codes/names are identical. MERGE: delete this file and make <see cref="StoreLinking.Factory"/>
/// return <c>new StoryLinker()</c>.
/// </summary>
internal sealed class PlaceholderLinker : IStoryLinker
{
    private readonly Dictionary<string, Story> stories = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> storyByKey = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> keyOfStory = new(StringComparer.Ordinal);
    private int next;

    public IReadOnlyDictionary<string, Story> Stories => stories;

    private static string KeyOf(EventMention m)
    {
        var actors = m.Event.Actors.Concat(m.Event.Source).Concat(m.Event.Target).Select(a => a.Code ?? a.Name ?? "").Distinct().Order(StringComparer.Ordinal);
        return $"{m.Event.Type}|{m.Event.Date}|{string.Join(',', actors)}";
    }

    private Story Join(EventMention m, string id)
    {
        if (!stories.TryGetValue(id, out var story))
        {
            story = new Story { Id = id, Type = m.Event.Type, Date = m.Event.Date, Status = m.Event.Status };
            stories[id] = story;
            storyByKey[KeyOf(m)] = id;
            keyOfStory[id] = KeyOf(m);
        }
        story.Members.Add(m.Key);
        foreach (var a in m.Event.Actors.Concat(m.Event.Source).Concat(m.Event.Target))
            if ((a.Code ?? a.Name) is { } name && !story.Actors.Contains(name)) story.Actors.Add(name);
        story.Location ??= m.Event.Location?.Name;
        story.LocationCountry ??= m.Event.Location?.Country;
        return story;
    }

    public void Restore(EventMention mention, string story)
    {
        if (story.StartsWith('S') && int.TryParse(story.AsSpan(1), out int n)) next = Math.Max(next, n);
        Join(mention, story);
    }

    public LinkDecision Link(EventMention mention)
    {
        var key = KeyOf(mention);
        if (storyByKey.TryGetValue(key, out var id))
        {
            Join(mention, id);
            return new LinkDecision(mention.Key, id, false, 1, id, [new LinkReason("identical", 1, $"same type, date and actors: {key}")]);
        }
        id = $"S{++next}";
        Join(mention, id);
        return new LinkDecision(mention.Key, id, true, 0, null, [new LinkReason("identical", 0, $"no story with type, date and actors {key}")]);
    }

    public void RemoveDocument(string document)
    {
        var prefix = document + "#";
        foreach (var story in stories.Values.ToList())
        {
            story.Members.RemoveAll(m => m.StartsWith(prefix, StringComparison.Ordinal));
            if (story.Members.Count > 0) continue;
            stories.Remove(story.Id);
            if (keyOfStory.Remove(story.Id, out var key)) storyByKey.Remove(key);
        }
    }
}
