using Reassess.Tools.Azurite;

namespace Reassess.Testing;

/// <summary>
/// The reference data beside the checkout (<c>../shared/data</c>: real price sheets and usage exports). Not the
/// repo's own <c>shared/</c> folder, which holds code: the search starts at the repo root's parent.
/// </summary>
public static class SharedData
{
    private static readonly Lazy<string> Root = new(FindRoot);

    /// <summary>The <c>shared/data</c> folder.</summary>
    public static string Folder => Root.Value;

    /// <summary>A file or folder under <c>shared/data</c>, e.g. <c>Path("prices", "litellm.json")</c>; throws when absent.</summary>
    public static string Path(params string[] parts)
    {
        var path = System.IO.Path.Combine([Folder, .. parts]);
        return File.Exists(path) || Directory.Exists(path)
            ? path
            : throw new FileNotFoundException($"{path} does not exist; see {System.IO.Path.Combine(Folder, "README.md")} for what is there.", path);
    }

    private static string FindRoot()
    {
        var repo = RepositoryRoot.Find();
        for (var dir = Directory.GetParent(repo); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "shared", "data");
            if (Directory.Exists(candidate)) return candidate;
        }

        throw new DirectoryNotFoundException($"No shared/data folder found above {repo}; the tests expect the reference data beside the checkout.");
    }
}
