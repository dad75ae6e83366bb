namespace Reassess.Sources.Tests;

/// <summary>Finds the reference data beside the checkout: the folder holding Reassess.sln, then <c>../shared/data</c>.</summary>
public static class TestData
{
    private static readonly Lazy<string> Root = new(FindSharedData);

    public static string SharedData => Root.Value;

    public static string File(params string[] parts) => Path.Combine([SharedData, .. parts]);

    private static string FindSharedData()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (!System.IO.File.Exists(Path.Combine(dir.FullName, "Reassess.sln"))) continue;
            var data = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data"));
            return Directory.Exists(data)
                ? data
                : throw new DirectoryNotFoundException($"found {dir.FullName}/Reassess.sln but no reference data at {data}");
        }

        throw new DirectoryNotFoundException($"no folder holding Reassess.sln above {AppContext.BaseDirectory}");
    }
}
