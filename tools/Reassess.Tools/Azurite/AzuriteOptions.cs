namespace Reassess.Tools.Azurite;

/// <summary>How to start Azurite. Ports left null are picked free; no <see cref="Location"/> means in memory.</summary>
public sealed record AzuriteOptions
{
    public int? BlobPort { get; init; }
    public int? QueuePort { get; init; }
    public int? TablePort { get; init; }

    /// <summary>Folder Azurite keeps its data in; null keeps everything in memory (gone when it stops).</summary>
    public string? Location { get; init; }

    /// <summary>The checkout holding package.json; found from the running binaries when null.</summary>
    public string? RepositoryRoot { get; init; }

    /// <summary>Node's heap limit for Azurite in MB (<c>--max-old-space-size</c>); null keeps Node's default. Azurite holds every table in memory.</summary>
    public int? NodeHeapMegabytes { get; init; }

    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Azurite's well-known defaults, as <c>UseDevelopmentStorage=true</c> expects.</summary>
    public static AzuriteOptions DefaultPorts(string location) =>
        new() { BlobPort = 10000, QueuePort = 10001, TablePort = 10002, Location = location };
}
