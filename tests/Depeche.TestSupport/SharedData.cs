using Xunit;

namespace Depeche.Testing;

/// <summary>
/// Locates <c>../shared</c> (reference data beside the repository). A user's clone has none: tests that read it
/// call <see cref="Require"/>, which skips them with the reason.
/// </summary>
public static class SharedData
{
    private static readonly Lazy<string?> root = new(Find);

    /// <summary>The shared folder, or null when absent.</summary>
    public static string? Root => root.Value;

    /// <summary>Full path of <paramref name="relative"/> under shared/, skipping the test when it is absent.</summary>
    public static string Require(string relative)
    {
        Skip.If(Root is null, "../shared is absent (a user's clone has no reference data); set DEPECHE_SHARED to its path to run this test.");
        var path = Path.Combine(Root!, relative);
        Skip.If(!File.Exists(path) && !Directory.Exists(path), $"{path} is absent from the shared reference data.");
        return path;
    }

    private static string? Find()
    {
        var env = Environment.GetEnvironmentVariable("DEPECHE_SHARED");
        if (!string.IsNullOrEmpty(env) && Directory.Exists(env)) return Path.GetFullPath(env);
        // walk up from the test binaries to the repository, then look beside it
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, ".git")) || File.Exists(Path.Combine(dir.FullName, "Depeche.slnx")))
            {
                var shared = Path.Combine(dir.FullName, "..", "shared");
                return Directory.Exists(Path.Combine(shared, "eval")) ? Path.GetFullPath(shared) : null;
            }
        }
        return null;
    }
}
