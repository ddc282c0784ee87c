using Depeche.Linking;

namespace Depeche.Cli.Commands;

/// <summary>The linker the store commands link new events with.</summary>
internal static class StoreLinking
{
    /// <summary>
    /// Makes the linker of a store (called once per store, when it first writes): the cross-document
    /// <see cref="StoryLinker"/>. Settable so that tests and benchmarks can pass their own.
    /// </summary>
    public static Func<IStoryLinker> Factory { get; set; } = () => new StoryLinker();
}
