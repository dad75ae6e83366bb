using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Reassess.Api;
using Reassess.Hosting;
using Reassess.Pipeline;
using Reassess.Pipeline.Jobs;
using Reassess.Pipeline.Usage;
using Reassess.Storage.Configuration;
using Reassess.Testing;

namespace Reassess.Functions.Tests;

/// <summary>
/// The worker's container, built as Program.cs builds it: every function class activates from it with what it needs,
/// every timer finds its job by name, and a missing or invalid setting stops start-up naming the setting.
/// </summary>
[Collection(AzuriteFixture.Collection)]
public class WorkerServicesTests(AzuriteFixture azurite)
{
    [Fact]
    public void The_worker_finds_the_timer_and_http_function_classes()
    {
        Assert.Equal(["HttpFunctions", "TimerFunctions"], WorkerServices.FunctionClasses.Select(t => t.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_function_class_activates_from_the_container_with_the_settings_it_needs()
    {
        using var workspace = new Workspace();
        using var services = WorkerServices.Build(workspace.Settings(azurite.NewSettings()));

        foreach (var type in WorkerServices.FunctionClasses)
            Assert.NotNull(ActivatorUtilities.CreateInstance(services, type));
        services.GetRequiredService<SettingsCheck>().Validate();
        Assert.Equal(workspace.PathOf("samples/workloads.json"), services.GetRequiredService<PipelineSettings>().Resolve(services.GetRequiredService<PipelineSettings>().WorkloadsPath));
        Assert.Empty(services.GetRequiredService<ApiSettings>().FunctionKeys); // the Functions host checks keys itself
    }

    [Fact]
    public void Every_catalog_timer_finds_its_job_by_name()
    {
        using var workspace = new Workspace();
        using var services = WorkerServices.Build(workspace.Settings(azurite.NewSettings()));

        var jobs = JobTimers.All.ToDictionary(t => t.Job, t => services.GetRequiredKeyedService<ITimerJob>(t.Job).GetType().Name);

        Assert.Equal(JobTimers.All.ToDictionary(t => t.Job, t => t.Name), jobs);
    }

    [Fact]
    public void Admin_keys_come_from_app_settings_as_key_vault_references_resolve_to()
    {
        using var workspace = new Workspace();
        var settings = workspace.Settings(azurite.NewSettings());
        settings["Reassess:OpenAiAdminKey"] = "sk-admin-from-app-settings";
        settings["ANTHROPIC_ADMIN_KEY"] = "sk-ant-admin-from-shell";
        using var services = WorkerServices.Build(settings);

        var options = services.GetRequiredService<UsageIngestOptions>();

        Assert.Equal(("sk-admin-from-app-settings", "sk-ant-admin-from-shell"), (options.OpenAiAdminKey, options.AnthropicAdminKey));
    }

    [Fact]
    public async Task Without_storage_settings_start_up_stops_naming_AzureWebJobsStorage()
    {
        using var workspace = new Workspace();
        var settings = workspace.Settings(azurite.NewSettings());
        settings.Remove("AzureWebJobsStorage");
        using var services = WorkerServices.Build(settings);

        var error = await Assert.ThrowsAsync<StorageConfigurationException>(() => StartAsync(services));

        Assert.Contains("AzureWebJobsStorage", error.Message);
    }

    [Theory]
    [InlineData("Reassess:WindowDays", "0", "Reassess__WindowDays")]
    [InlineData("Reassess:UsageSources", "openai", "Reassess__UsageSources")]
    [InlineData("Reassess:MaxRequestBodyBytes", "12", "Reassess__MaxRequestBodyBytes")]
    [InlineData("Reassess:FunctionKeys", "short", "Reassess__FunctionKeys")]
    [InlineData("Reassess:FunctionKeys", "thirty-one-characters-too-short", "Reassess__FunctionKeys")]
    [InlineData("AzureWebJobsStorage:blobServiceUri", "account.blob", "AzureWebJobsStorage__blobServiceUri")]
    public async Task An_invalid_setting_stops_start_up_naming_the_setting(string key, string value, string named)
    {
        using var workspace = new Workspace();
        var settings = workspace.Settings(azurite.NewSettings());
        settings[key] = value;
        if (key.StartsWith("AzureWebJobsStorage:", StringComparison.Ordinal)) settings.Remove("AzureWebJobsStorage");
        using var services = WorkerServices.Build(settings);

        var error = await Assert.ThrowsAnyAsync<Exception>(() => StartAsync(services));

        Assert.True(error is PipelineConfigurationException or StorageConfigurationException, error.ToString());
        Assert.Contains(named, error.Message);
    }

    /// <summary>What the host does first: start its hosted services, the settings check among them.</summary>
    private static async Task StartAsync(IServiceProvider services)
    {
        foreach (var hosted in services.GetServices<IHostedService>()) await hosted.StartAsync(CancellationToken.None);
    }
}
