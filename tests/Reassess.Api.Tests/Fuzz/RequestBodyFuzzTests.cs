using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Reassess.Testing;
using Xunit.Abstractions;

namespace Reassess.Api.Tests.Fuzz;

/// <summary>
/// Every route that takes a body, sent seeded broken bodies (cut off, past the limit, 10,000 deep, in the wrong encoding
/// or content type, random bytes, wrong JSON kinds, members given twice) over real HTTP to the app on Kestrel: each gets
/// the 400, 413 or 415 its breakage calls for, as a problem that names what was wrong, never a 5xx; and afterwards every
/// table row and blob is as it was. A failure prints the seed, the body's index and kind: <see cref="BodyMutations.Make"/> replays it.
/// </summary>
[Collection(AzuriteFixture.Collection)]
public sealed class RequestBodyFuzzTests(AzuriteFixture azurite, ITestOutputHelper output) : IDisposable
{
    /// <summary>Fixed, so every run sends the same bodies; <c>REASSESS_FUZZ_SEED</c> tries others (or replays a run printed with its seed).</summary>
    public static readonly int FuzzSeed = FromEnvironment("REASSESS_FUZZ_SEED", 20_261_123);

    /// <summary>Of each kind, per route: 330 requests over the five routes, a few seconds each; <c>REASSESS_FUZZ_BODIES_PER_KIND</c> sends more.</summary>
    public static readonly int BodiesPerKind = FromEnvironment("REASSESS_FUZZ_BODIES_PER_KIND", 5);

    /// <summary>Small, so bodies past it stay small too; what is tested is that the limit holds, not its size.</summary>
    private const int MaxBodyBytes = 64 * 1024;

    private readonly ReassessApiFactory _app = ReassessApiFactory.StartOnKestrel(azurite, maxBodyBytes: MaxBodyBytes);

    public void Dispose() => _app.Dispose();

    [Fact]
    public void Every_route_that_takes_a_body_is_fuzzed()
    {
        var withBodies = _app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []).Select(m => (Method: m, Pattern: "/" + e.RoutePattern.RawText!.TrimStart('/'))))
            .Where(e => e.Method is "POST" or "PUT" or "PATCH")
            .Distinct().Order().ToList();

        Assert.Equal(withBodies, BodyRoutes.All.Select(r => (r.Method, r.Pattern)).Distinct().Order().ToList());
    }

    [Theory]
    [MemberData(nameof(BodyRoutes.Cases), MemberType = typeof(BodyRoutes))]
    public async Task Broken_bodies_get_a_4xx_problem_naming_what_is_wrong_and_nothing_stored_changes(string method, string path)
    {
        var route = BodyRoutes.Get(method, path);
        var client = _app.KeyedClient();
        await SeedStorageAsync(client);
        var before = await StorageSnapshot.TakeAsync(_app.Context.Account);
        var listed = await (await client.GetAsync("/api/workloads")).Content.ReadAsStringAsync();

        var count = BodiesPerKind * route.Kinds.Count;
        var failures = new List<string>();
        var answers = new SortedDictionary<int, int>();
        var clock = Stopwatch.StartNew();
        foreach (var body in BodyMutations.Generate(route.ValidBody(), FuzzSeed, count, MaxBodyBytes, route.EmptyIsValid, route.Kinds))
        {
            try
            {
                using var response = await client.SendAsync(Request(route, body));
                answers[(int)response.StatusCode] = answers.GetValueOrDefault((int)response.StatusCode) + 1;
                if (await WhatIsWrongAsync(response, body.ExpectedStatus) is { } wrong) failures.Add($"{body}: {wrong}");
            }
            catch (HttpRequestException e)
            {
                failures.Add($"{body}: the request failed ({e.Message})");
            }
        }

        output.WriteLine($"{route}: {count} bodies, seed {FuzzSeed}, answered {string.Join(", ", answers.Select(a => $"{a.Key}×{a.Value}"))}; " +
                         $"{failures.Count} failures in {clock.Elapsed.TotalSeconds:0.0} s");
        Assert.True(failures.Count == 0,
            $"{failures.Count} of {count} broken bodies to {route} were not refused as they should be " +
            $"(replay one with BodyMutations.Make(body, seed, index, kind, limit, emptyIsValid)):\n{string.Join("\n", failures.Take(15))}");

        Assert.Empty(StorageSnapshot.Differences(before, await StorageSnapshot.TakeAsync(_app.Context.Account)));
        Assert.Equal(listed, await (await client.GetAsync("/api/workloads")).Content.ReadAsStringAsync());
    }

    /// <summary>The sample workload, its price and usage, and one eval: what a broken body could change or add to.</summary>
    private async Task SeedStorageAsync(HttpClient client)
    {
        var put = await client.PutAsync($"/api/workloads/{Seed.WorkloadId}", Http.Json(Seed.WorkloadJson().ToJsonString()));
        Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        await Seed.PricesAndUsageAsync(_app.Context);
        var evals = await client.PostAsync($"/api/workloads/{Seed.WorkloadId}/evals", Http.Json("""{"date": "2026-11-13", "suite": "triage-golden-set", "score": 91.0}"""));
        Assert.Equal(HttpStatusCode.Created, evals.StatusCode);
    }

    private static HttpRequestMessage Request(BodyRoute route, FuzzBody body)
    {
        HttpContent content = body.Chunked ? new ChunkedContent(body.Bytes) : new ByteArrayContent(body.Bytes);
        if (body.ContentType is { } type) content.Headers.ContentType = MediaTypeHeaderValue.Parse(type);
        return new HttpRequestMessage(new HttpMethod(route.Method), route.Path) { Content = content };
    }

    private static int FromEnvironment(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), out var value) ? value : fallback;

    /// <summary>
    /// Null when the answer has the expected status (any but a 5xx when none is expected) and, unless it is a 2xx, is a
    /// problem whose detail says what and whose field says where.
    /// </summary>
    private static async Task<string?> WhatIsWrongAsync(HttpResponseMessage response, int? expected)
    {
        var status = (int)response.StatusCode;
        var text = await response.Content.ReadAsStringAsync();
        var shown = text.Length > 600 ? text[..600] + "…" : text;
        if (expected is null ? status >= 500 : status != expected) return $"answered {status}, not {expected?.ToString() ?? "a 2xx or 4xx"}: {shown}";
        if (status < 300) return null;
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json") return $"answered {status} as {response.Content.Headers.ContentType}, not a problem: {shown}";

        using var problem = JsonDocument.Parse(text);
        var root = problem.RootElement;
        if (!root.TryGetProperty("detail", out var detail) || string.IsNullOrWhiteSpace(detail.GetString())) return $"the problem has no detail: {shown}";
        if (root.GetProperty("status").GetInt32() != status) return $"the problem says status {root.GetProperty("status")}: {shown}";
        if (status != 413 && (!root.TryGetProperty("field", out var field) || string.IsNullOrWhiteSpace(field.GetString())))
            return $"the problem does not say where (no field): {shown}";
        return null;
    }

    /// <summary>A body sent without a Content-Length (chunked), so the server learns its size only by reading it.</summary>
    private sealed class ChunkedContent(byte[] bytes) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            for (var at = 0; at < bytes.Length; at += 8 * 1024)
                await stream.WriteAsync(bytes.AsMemory(at, Math.Min(8 * 1024, bytes.Length - at)));
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
