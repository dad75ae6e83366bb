using System.Diagnostics;
using Reassess.Tools.Azurite;

namespace Reassess.Contract.Tests.Support;

/// <summary>The checkout's files as the contracts read them.</summary>
public static class Repo
{
    public static string Root { get; } = RepositoryRoot.Find();

    public static string PathOf(string relative) => Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar));

    public static string Read(string relative) => File.ReadAllText(PathOf(relative));

    /// <summary>Every <c>infra/**/*.bicep</c>, as (path relative to the root, text).</summary>
    public static IReadOnlyList<SourceFile> BicepFiles() =>
        Directory.EnumerateFiles(PathOf("infra"), "*.bicep", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(f => new SourceFile(Relative(f), File.ReadAllText(f)))
            .ToList();

    /// <summary>C# source of <c>shared/</c> and <c>functions/</c> (not build output).</summary>
    public static IReadOnlyList<SourceFile> CodeFiles() =>
        new[] { "shared", "functions" }
            .SelectMany(dir => Directory.EnumerateFiles(PathOf(dir), "*.cs", SearchOption.AllDirectories))
            .Where(f => !IsBuildOutput(f))
            .Order(StringComparer.Ordinal)
            .Select(f => new SourceFile(Relative(f), File.ReadAllText(f)))
            .ToList();

    /// <summary>
    /// Files that are, or are about to be, committed: <c>git ls-files</c> (tracked, plus untracked ones git does not
    /// ignore); without git, a walk of the tree that skips what <c>.gitignore</c> lists.
    /// </summary>
    public static IReadOnlyList<string> CommittedFiles()
    {
        try
        {
            var start = new ProcessStartInfo("git", "ls-files --cached --others --exclude-standard -z")
            {
                WorkingDirectory = Root,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var git = Process.Start(start)!;
            var output = git.StandardOutput.ReadToEnd();
            git.WaitForExit();
            if (git.ExitCode == 0)
                return output.Split('\0', StringSplitOptions.RemoveEmptyEntries)
                    .Where(f => File.Exists(PathOf(f)))
                    .Order(StringComparer.Ordinal)
                    .ToList();
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // no git here: walk the tree instead
        }

        return Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories)
            .Where(f => !IsBuildOutput(f) && !IsIgnored(Relative(f)))
            .Select(Relative)
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    public static string Relative(string path) => Path.GetRelativePath(Root, path).Replace(Path.DirectorySeparatorChar, '/');

    private static bool IsBuildOutput(string path)
    {
        var parts = Relative(path).Split('/');
        return parts.Any(p => p is "bin" or "obj");
    }

    private static bool IsIgnored(string relative)
    {
        var first = relative.Split('/')[0];
        return first is ".git" or "node_modules" or ".azurite" or "out" or "TestResults" || relative == "local.settings.json";
    }
}

/// <summary>A file's path (relative to the checkout, '/'-separated) and text.</summary>
public sealed record SourceFile(string Path, string Text);
