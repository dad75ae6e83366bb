using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Reassess.Api;
using Reassess.Core.Reporting;
using Reassess.Core.Time;
using Reassess.Pipeline;
using Reassess.Storage.Configuration;
using Reassess.Tools.Azurite;
using Reassess.Testing;

namespace Reassess.Functions.Tests;

/// <summary>
/// Each HTTP function, called with a real <see cref="HttpContext"/> as the worker's ASP.NET Core integration calls it,
/// answers what the self-host answers for the same request: the same status, meaningful headers and body. One table
/// of requests, played in order against each host over its own copy of the same data, drives both. Each function is
/// called through the worker middleware Program.cs registers (<see cref="HttpFunctionCall"/>), as in Azure.
/// </summary>
[Collection(AzuriteFixture.Collection)]
public class HttpParityTests(AzuriteFixture azurite)
{
    private const string Key = "parity-test-key-0123456789abcdefghijklmn";
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    /// <summary>A week whose report both hosts' storage holds before the table is played (so also the latest report).</summary>
    private const string PublishedWeek = "2026-W47";

    private static string Workload() =>
        System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "samples", "workloads.json")))!["workloads"]!
            .AsArray().Single(w => (string?)w!["id"] == "ticket-triage")!.ToJsonString();

    private static readonly HttpExchange[] Table =
    [
        new("Health", "GET", "health", 200),
        new("ListWorkloads", "GET", "workloads", 200),
        new("PutWorkload", "PUT", "workloads/ticket-triage", 201, Workload()),
        new("PutWorkload", "PUT", "workloads/ticket-triage", 200, Workload()),
        new("PutWorkload", "PUT", "workloads/other", 400, """{"id": "other", "name": 5}"""),
        new("GetWorkload", "GET", "workloads/ticket-triage", 200),
        new("GetWorkload", "GET", "workloads/nobody", 404),
        // Ids no workload can have: refused by the catalogue's rule before storage sees them (they were 500s).
        new("GetWorkload", "GET", "workloads/a%23b", 400),
        new("GetWorkload", "GET", "workloads/%E2%80%AEevil", 400),
        new("DeleteWorkload", "DELETE", "workloads/trailing%20", 400),
        new("PutWorkload", "PUT", "workloads/zero%E2%80%8Bwidth", 400, Workload()),
        new("ListAssessments", "GET", $"workloads/{new string('x', 101)}/assessments", 400),
        new("PostEvals", "POST", "workloads/a%3Fb/evals", 400, """[{"date": "2026-11-20", "suite": "triage-golden-set", "score": 93.1}]"""),
        new("Reassess", "POST", "reassess", 400, """{"workloads": ["ticket-triage", "tab\there"]}"""),
        new("ListWorkloads", "GET", "workloads", 200),
        new("PostEvals", "POST", "workloads/ticket-triage/evals", 201, """[{"date": "2026-11-20", "suite": "triage-golden-set", "score": 93.1}]"""),
        new("PostEvals", "POST", "workloads/ticket-triage/evals", 400, "[{"),
        new("ListAssessments", "GET", "workloads/ticket-triage/assessments", 200),
        new("PostDecision", "POST", "workloads/nobody/decisions", 404, """{"date": "2026-11-20", "action": "stay", "model": "anthropic/claude-haiku-4-5"}"""),
        new("PostDecision", "POST", "workloads/ticket-triage/decisions", 400, """{"date": "2026-11-20", "action": "route", "model": "haiku"}"""),
        new("PostDecision", "POST", "workloads/ticket-triage/decisions", 201, """{"date": "2026-11-20", "action": "stay", "model": "anthropic/claude-haiku-4-5"}"""),
        new("ListDecisions", "GET", "workloads/ticket-triage/decisions", 200),
        new("GetOutcome", "GET", "workloads/ticket-triage/outcome?asOf=2026-11-22", 200),
        new("GetOutcome", "GET", "workloads/ticket-triage/outcome?asOf=yesterday", 400),
        new("ListAssessments", "GET", "workloads/ticket-triage/assessments?from=yesterday", 400),
        new("WhatIf", "POST", "whatif", 200, File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "samples", "whatif-worked-example.json"))),
        new("WhatIf", "POST", "whatif", 400, """{"workload": {}}"""),
        new("Reassess", "POST", "reassess", 404, """{"workloads": ["ticket-triage", "nobody"]}"""),
        new("Reassess", "POST", "reassess", 200, """{"workloads": ["ticket-triage", "ticket-triage"]}"""),
        new("Reassess", "POST", "reassess", 400, """{"workloads": "all"}"""),
        // Reports come with a content security policy and nosniff, from both hosts.
        new("LatestReport", "GET", "reports/latest", 200),
        new("LatestReport", "GET", "reports/latest?format=md", 200),
        new("WeekReport", "GET", $"reports/{PublishedWeek}?format=html", 200),
        new("WeekReport", "GET", "reports/2026-W48?format=html", 404),
        new("WeekReport", "GET", "reports/week-48", 400),
        new("Trends", "GET", "trends", 200),
        new("Trends", "GET", "trends?by=workload&format=csv", 200),
        new("Trends", "GET", "trends?by=planet", 400),
        new("DeleteWorkload", "DELETE", "workloads/ticket-triage", 204),
        new("DeleteWorkload", "DELETE", "workloads/ticket-triage", 404),
        new("Health", "GET", "health", 200),
    ];

    [Fact]
    public void The_table_calls_every_http_function()
    {
        Assert.Equal(HttpCatalog.Functions.Select(f => f.Name).Order(StringComparer.Ordinal), Table.Select(e => e.Function).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Every_http_function_answers_as_the_self_host_does()
    {
        using var workspace = new Workspace();
        var clock = new FakeTimeProvider(Now);
        var (functionsStorage, selfHostStorage) = ((await azurite.NewAccountAsync()).Settings, (await azurite.NewAccountAsync()).Settings);
        using var services = WorkerServices.Build(workspace.Settings(functionsStorage), clock);
        using var selfHost = new SelfHost(workspace.Settings(selfHostStorage), clock, Key);
        using var client = selfHost.CreateClient();
        client.DefaultRequestHeaders.Add("x-functions-key", Key);
        await PublishReportAsync(services.GetRequiredService<PipelineContext>());
        await PublishReportAsync(selfHost.Services.GetRequiredService<PipelineContext>());

        var differences = new List<string>();
        var statuses = new List<int>();
        foreach (var exchange in Table)
        {
            var fromFunction = await HttpFunctionCall.InvokeAsync(services, exchange);
            var fromSelfHost = await SelfHost.SendAsync(client, exchange);
            statuses.Add(fromFunction.Status);
            if (fromFunction != fromSelfHost)
                differences.Add($"{exchange}:\n  function:  {fromFunction}\n  self-host: {fromSelfHost}");
        }

        Assert.True(differences.Count == 0, string.Join("\n", differences));
        Assert.Equal(Table.Select(e => e.Status), statuses);
    }

    private static Task PublishReportAsync(PipelineContext context) => context.Reports.PublishAsync(IsoWeek.Parse(PublishedWeek),
    [
        (WeeklyReportRenderer.IndexHtml, "<!doctype html><html><head><style>p{color:teal}</style></head><body><p>Week 47</p></body></html>"u8.ToArray(), "text/html; charset=utf-8"),
        (WeeklyReportRenderer.SummaryMarkdown, "# Week 47\n"u8.ToArray(), "text/markdown; charset=utf-8"),
        (WeeklyReportRenderer.AssessmentsJsonName, """{"week": "2026-W47", "assessments": []}"""u8.ToArray(), "application/json; charset=utf-8"),
    ]);
}
