namespace Reassess.Tools.Azurite;

/// <summary>Finds the checkout: the folder holding <c>Reassess.sln</c>, where <c>package.json</c> and <c>node_modules</c> live.</summary>
public static class RepositoryRoot
{
    public const string SolutionFile = "Reassess.sln";

    /// <summary>Walks up from the running binaries, then from the current directory.</summary>
    public static string Find() =>
        TryFind(AppContext.BaseDirectory) ?? TryFind(Directory.GetCurrentDirectory())
        ?? throw new DirectoryNotFoundException(
            $"Could not find {SolutionFile} above {AppContext.BaseDirectory} or {Directory.GetCurrentDirectory()}. " +
            "Run from inside the Reassess checkout, or configure AzureWebJobsStorage so no local Azurite is needed.");

    public static string? TryFind(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, SolutionFile))) return dir.FullName;
        }

        return null;
    }
}
