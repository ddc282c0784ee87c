using Depeche.Linking;

namespace Depeche.Cli.Commands;

/// <summary>The linker the store commands link new events with.</summary>
internal static class StoreLinking
{
    /// <summary>
    /// Makes the linker of a store (called once per store, when it first writes). MERGE: <c>() =&gt; new StoryLinker()</c>,
    /// and delete PlaceholderLinker.cs. Settable so that tests and benchmarks can pass their own.
    /// </summary>
    public static Func<IStoryLinker> Factory { get; set; } = () => new PlaceholderLinker();
}
