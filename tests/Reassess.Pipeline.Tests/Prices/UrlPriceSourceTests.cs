using System.Text;
using Reassess.Pipeline.Prices;
using Reassess.Testing;
using Reassess.Testing.Http;

namespace Reassess.Pipeline.Tests.Prices;

/// <summary>Price sources configured by URL, pulled from a real local server by the refresh job.</summary>
[Collection(AzuriteFixture.Collection)]
public class UrlPriceSourceTests(AzuriteFixture azurite)
{
    private static readonly byte[] OpenRouter = File.ReadAllBytes(SharedData.Path("prices", "openrouter_models_excerpt.json"));

    [Fact]
    public async Task An_unchanged_sheet_is_not_downloaded_again_and_its_archived_copy_stays_in_force()
    {
        await using var server = new LocalHttpServer(request => request.Header("If-None-Match") == "\"r1\""
            ? Reply.WithStatus(304, ("ETag", "\"r1\""))
            : Reply.Json(OpenRouter, ("ETag", "\"r1\"")));
        using var workspace = new PriceWorkspace(await azurite.NewAccountAsync(), $"openrouter={server.Url("api/v1/models")}");

        var first = await workspace.RefreshAsync(PriceWorkspace.Nov23);
        var second = await workspace.RefreshAsync(PriceWorkspace.Nov23.AddDays(1));

        Assert.Empty(first.Problems);
        Assert.Equal(12, first.Counts["openrouter records"]);
        Assert.Null(server.Requests[0].Header("If-None-Match"));
        Assert.Equal("\"r1\"", server.Requests[1].Header("If-None-Match"));
        Assert.Equal(1, second.Counts["openrouter sheets not modified"]);
        Assert.Equal(12, second.Counts["openrouter records"]);
        Assert.Equal(0, second.Counts["prices changed"]);
        Assert.Equal(["price-sheets/raw/openrouter/2026-11-23/models.json"], await workspace.Files.ListAsync("price-sheets/raw/"));
        Assert.Equal(0.15m, (await workspace.StoredAsync("openrouter/openai/gpt-4o-mini", PriceWorkspace.Nov23.AddDays(1)))!.InputPerMTok);
    }

    [Fact]
    public async Task A_source_that_keeps_failing_falls_back_to_its_last_good_sheet_and_is_reported_stale()
    {
        var up = true;
        await using var server = new LocalHttpServer(_ => up ? Reply.Json(OpenRouter) : Reply.WithStatus(503));
        using var workspace = new PriceWorkspace(await azurite.NewAccountAsync(), $"openrouter={server.Url("api/v1/models")}");
        await workspace.RefreshAsync(PriceWorkspace.Nov23);
        up = false;

        var outcome = await workspace.RefreshAsync(PriceWorkspace.Nov23.AddDays(3));

        var problem = Assert.Single(outcome.Problems);
        Assert.Equal(server.Url("api/v1/models").ToString(), problem.Source);
        Assert.StartsWith($"GET {server.Url("api/v1/models")} failed after 2 attempts: answered 503", problem.Message);
        Assert.Equal(12, outcome.Counts["openrouter records from the last good sheet"]);
        var alerts = await PriceAlertLog.ForWeekAsync(workspace.Context, Core.Time.IsoWeek.Of(PriceWorkspace.Nov23.AddDays(7)));
        var stale = Assert.Single(alerts.StaleSources);
        Assert.Equal(("openrouter", new DateOnly(2026, 11, 23)), (stale.Source, stale.Since));
        Assert.StartsWith("its pull failed on 2026-11-26; prices from the sheet archived on 2026-11-23 (3 days old) stay in force", stale.Reason);
    }

    [Fact]
    public async Task The_azure_retail_api_is_followed_page_by_page_with_its_503_retried()
    {
        var items = File.ReadAllLines(SharedData.Path("prices", "azure_retail_openai_eastus2_items.ndjson")).Where(l => l.Length > 0).ToList();
        var failedOnce = false;
        LocalHttpServer? server = null;
        server = new LocalHttpServer(request =>
        {
            var skip = request.PathAndQuery.Contains("$skip=") ? int.Parse(request.PathAndQuery.Split("$skip=")[1]) : 0;
            if (skip == 200 && !failedOnce)
            {
                failedOnce = true;
                return Reply.WithStatus(503);
            }

            var next = skip + 100 < items.Count ? $"\"{server!.Url($"api/retail/prices?$skip={skip + 100}")}\"" : "null";
            return Reply.Json($"{{\"Items\":[{string.Join(',', items.Skip(skip).Take(100))}],\"NextPageLink\":{next},\"Count\":{Math.Min(100, items.Count - skip)}}}");
        });
        await using (server)
        {
            using var workspace = new PriceWorkspace(await azurite.NewAccountAsync(), $"azure-retail={server.Url("api/retail/prices")}");

            var outcome = await workspace.RefreshAsync(PriceWorkspace.Nov23);

            Assert.Empty(outcome.Problems);
            Assert.Equal(7, server.Requests.Count);
            Assert.Equal(161, outcome.Counts["azure-retail records"]);
            var fineTune = await workspace.StoredAsync("azure/gpt-4.1-mini-ft", PriceWorkspace.Nov23);
            Assert.Equal((5.00m, 1.70m, "global"), (fineTune!.TrainingPerMTok, fineTune.HostingPerHour, fineTune.DeploymentType));
            var archived = Assert.Single(await workspace.Files.ListAsync("price-sheets/raw/azure-retail/"));
            var sheet = await workspace.Files.DownloadAsync(archived);
            Assert.Contains("\"Count\":548", Encoding.UTF8.GetString(sheet!.Content));
        }
    }
}
