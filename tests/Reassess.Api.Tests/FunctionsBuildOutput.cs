using System.Text.Json.Nodes;
using Reassess.Tools.Azurite;

namespace Reassess.Api.Tests;

/// <summary>
/// The Functions app's build output for the configuration and framework these tests were built with (this project
/// references the app so that it is built first): its shipped openapi.json, and its HTTP triggers as the Functions
/// host reads them from functions.metadata, which the worker SDK writes from the <c>[Function]</c> and
/// <c>[HttpTrigger]</c> attributes.
/// </summary>
internal static class FunctionsBuildOutput
{
    public sealed record HttpTrigger(string Name, string Method, string Route, string AuthLevel);

    public static string Directory { get; } = Locate();

    public static string OpenApiDocumentPath => Path.Combine(Directory, "openapi.json");

    public static IReadOnlyList<HttpTrigger> HttpTriggers()
    {
        var functions = JsonNode.Parse(File.ReadAllText(Path.Combine(Directory, "functions.metadata")))!.AsArray();
        return functions
            .SelectMany(function => function!["bindings"]!.AsArray()
                .Where(binding => (string?)binding!["type"] == "httpTrigger")
                .SelectMany(binding => binding!["methods"]!.AsArray().Select(method => new HttpTrigger(
                    (string)function["name"]!, ((string)method!).ToUpperInvariant(), (string)binding["route"]!, (string)binding["authLevel"]!))))
            .ToList();
    }

    private static string Locate()
    {
        // The tests run from tests/Reassess.Api.Tests/bin/<Configuration>/<framework>/: the app's output is the same two folders down.
        var tests = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        return Path.Combine(RepositoryRoot.Find(), "functions", "Reassess.Functions", "bin", tests.Parent!.Name, tests.Name);
    }
}
