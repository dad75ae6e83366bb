using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Reassess.Api;
using Reassess.Contract.Tests.Support;
using Reassess.Host.Scheduling;
using Reassess.Host.Serve;
using Reassess.Hosting;
using Reassess.Hosting.Settings;
using Reassess.Pipeline;
using Reassess.Pipeline.Delivery;
using Reassess.Pipeline.Jobs;
using Reassess.Pipeline.Usage;
using Reassess.Storage.Configuration;
using Reassess.Storage.Leases;
using Reassess.Testing;
using Reassess.Testing.Http;

namespace Reassess.Contract.Tests;

/// <summary>
/// The code binds exactly the catalog's setting names: each setting Reassess reads is set, as Azure sets app settings
/// (environment variables, <c>__</c> turning into sections), and the code is seen to take it; with nothing set, the
/// code's default is the catalog's. A scan of the source catches names the code reads that the catalog lacks.
/// </summary>
public class CodeReadsCatalogNamesTests
{
    /// <summary>How to see that the code read a setting: set it to <see cref="Sample"/> and read the effect back.</summary>
    public sealed record Probe(string Setting, string Sample, Func<IConfiguration, string?> Read);

    public static IReadOnlyList<Probe> Probes { get; } = BuildProbes();

    public static TheoryData<string> ProbedSettings => new(Probes.Select(p => p.Setting));

    [Fact]
    public void Every_setting_Reassess_reads_has_a_probe()
    {
        var read = SettingsCatalog.All.Where(s => s.ReadBy.HasFlag(SettingReader.Reassess)).Select(s => s.Name).Order(StringComparer.Ordinal);

        Assert.Equal(read, Probes.Select(p => p.Setting).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(ProbedSettings))]
    public void The_code_reads_the_catalog_name(string name)
    {
        var probe = Probes.Single(p => p.Setting == name);

        Assert.Equal(probe.Sample, Run(probe, new() { [name] = probe.Sample }));
    }

    [Theory]
    [MemberData(nameof(ProbedSettings))]
    public void Without_the_setting_the_code_uses_the_catalog_default(string name)
    {
        var probe = Probes.Single(p => p.Setting == name);

        Assert.Equal(SettingsCatalog.Find(name)!.Default ?? "", Run(probe, []) ?? "");
    }

    [Fact]
    public void The_setting_name_constants_of_the_code_are_in_the_catalog()
    {
        var constants = typeof(StorageSettings.Keys).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.Name != nameof(StorageSettings.Keys.Section))
            .Select(f => (string)f.GetRawConstantValue()!)
            .Concat([WebJobsHosts.HostIdSetting, ApiSettings.FunctionKeysSetting, UsageIngestOptions.OpenAiAdminKeySetting, UsageIngestOptions.AnthropicAdminKeySetting,
                UsageIngestOptions.OpenAiAdminKeyShellName, UsageIngestOptions.AnthropicAdminKeyShellName])
            .Concat(JobTimers.All.Select(t => t.ScheduleSetting));

        Assert.All(constants, name => Assert.NotNull(SettingsCatalog.Find(name)));
        Assert.Equal(PipelineSettings.Section, SettingsCatalog.WorkloadsPath.Name.Split("__")[0]);
        Assert.Equal(StorageSettings.Keys.Section, SettingsCatalog.StorageNames[0].Name.Split("__")[0]);
    }

    [Fact]
    public void Every_setting_name_in_the_source_is_in_the_catalog()
    {
        var uses = SourceSettingNames.Find(Repo.CodeFiles());
        var known = SettingsCatalog.All.Select(s => SourceSettingNames.Key(s.Name)).ToHashSet();

        var unknown = uses.Where(u => !known.Contains(SourceSettingNames.Key(u.Name))).ToList();

        Assert.True(uses.Count > 20, $"the scan found only {uses.Count} setting uses; has the code's shape changed?");
        Assert.True(unknown.Count == 0,
            "The code reads or names settings SettingsCatalog does not list; add them there (then to infra/ and local.settings.example.json):\n  "
            + string.Join("\n  ", unknown));
    }

    [Fact]
    public void The_source_scan_catches_a_new_setting()
    {
        var file = new SourceFile("shared/New.cs", """
            var days = section["PullDays"];
            var token = Environment.GetEnvironmentVariable("NEW_TOKEN");
            throw new Exception("set Reassess__Other");
            """);

        var found = SourceSettingNames.Find([file]).Select(u => u.Name).Order(StringComparer.Ordinal);

        Assert.Equal(["NEW_TOKEN", "Reassess__Other", "Reassess__PullDays"], found);
    }

    private static string? Run(Probe probe, Dictionary<string, string> values)
    {
        // As the environment-variable provider reads app settings: "Reassess__WindowDays" is "Reassess:WindowDays".
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key.Replace("__", ":", StringComparison.Ordinal), v.Value)))
            .Build();
        return probe.Read(configuration);
    }

    private static List<Probe> BuildProbes()
    {
        static StorageSettings Storage(IConfiguration c) => StorageSettings.FromConfiguration(c);
        static PipelineSettings Pipeline(IConfiguration c) => PipelineSettings.FromConfiguration(c, "/content");
        static ApiSettings Api(IConfiguration c) => ApiSettings.FromConfiguration(c);
        static string Sources(IEnumerable<SourceSpec> specs) => string.Join(";", specs.Select(s => $"{s.Format}={s.Path}"));
        static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
        // The teams file's smtp section without a passwordSetting reads the password from the default setting.
        static string? SmtpPassword(IConfiguration c) => new TeamsFileReader(c).Read(
            new MemoryStream("""{"teams":[],"smtp":{"host":"smtp.probe.test","from":"r@probe.test","userName":"probe"}}"""u8.ToArray()), "probe").Smtp?.Password;
        static UsageIngestOptions Usage(IConfiguration c) => UsageIngestOptions.FromConfiguration(c, SharedHandlerClients.Shared, TestPipeline.NoAzureCredential);

        var probes = new List<Probe>
        {
            new(StorageSettings.Keys.Connection, "UseDevelopmentStorage=true", c => Storage(c).ConnectionString),
            new(StorageSettings.Keys.BlobServiceUri, "https://probe.blob.core.windows.net/", c => Storage(c).BlobServiceUri?.ToString()),
            new(StorageSettings.Keys.TableServiceUri, "https://probe.table.core.windows.net/", c => Storage(c).TableServiceUri?.ToString()),
            new(StorageSettings.Keys.Credential, "managedidentity", c => Storage(c).Credential),
            new(StorageSettings.Keys.ClientId, "11111111-2222-3333-4444-555555555555", c => Storage(c).ClientId),
            new(WebJobsHosts.HostIdSetting, "func-reassess-probe", PipelineServices.HostId),
            new(SettingsCatalog.WorkloadsPath.Name, "probe/workloads.json", c => Pipeline(c).WorkloadsPath),
            new(SettingsCatalog.PriceSources.Name, "litellm=https://example.test/prices.json;overrides=o.csv", c => Sources(Pipeline(c).PriceSources)),
            new(SettingsCatalog.PriceAliases.Name, "probe/aliases.csv", c => Pipeline(c).PriceAliasesPath),
            new(SettingsCatalog.UsageSources.Name, "openai=https://api.openai.com", c => Sources(Pipeline(c).UsageSources)),
            new(SettingsCatalog.WindowDays.Name, "7", c => Text(Pipeline(c).WindowDays)),
            new(SettingsCatalog.TeamsPath.Name, "probe/teams.json", c => Pipeline(c).TeamsPath),
            new(SettingsCatalog.SmtpPassword.Name, "probe-smtp-password", SmtpPassword),
            new(SettingsCatalog.OpenAiAdminKey.Name, "probe-openai", c => Usage(c).OpenAiAdminKey),
            new(SettingsCatalog.OpenAiAdminKeyFallback.Name, "probe-openai-fallback", c => Usage(c).OpenAiAdminKey),
            new(SettingsCatalog.AnthropicAdminKey.Name, "probe-anthropic", c => Usage(c).AnthropicAdminKey),
            new(SettingsCatalog.AnthropicAdminKeyFallback.Name, "probe-anthropic-fallback", c => Usage(c).AnthropicAdminKey),
            new(ApiSettings.FunctionKeysSetting, "probe-function-key-0123456789abcdefghij", c => string.Join(";", Api(c).FunctionKeys)),
            new(SettingsCatalog.MaxRequestBodyBytes.Name, "2048", c => Text(Api(c).MaxRequestBodyBytes)),
            new(SettingsCatalog.ReassessWaitSeconds.Name, "5", c => Text((int)Api(c).ReassessWait.TotalSeconds)),
            new(SettingsCatalog.ApiStorageTimeoutSeconds.Name, "7", c => Text((int)Api(c).StorageTimeout.TotalSeconds)),
            new(SettingsCatalog.AppInsightsConnection.Name, "InstrumentationKey=00000000-0000-0000-0000-000000000000", ReassessTelemetry.AzureMonitorConnection),
            new(SettingsCatalog.Scheduler.Name, "off", c => new ServiceCollection().AddTimerScheduler(c).Count == 0 ? "off" : "on"),
        };

        foreach (var timer in JobTimers.All)
        {
            probes.Add(new(timer.ScheduleSetting, "0 15 4 * * 2", c => TimerSchedules.Resolve(timer, c).Expression));
            probes.Add(new($"AzureWebJobs.{timer.Name}.Disabled", "true", c => TimerSchedules.IsDisabled(timer, c) ? "true" : "false"));
        }

        probes.Add(new(SettingsCatalog.StorageNames[0].Name, "probe", c => Storage(c).NamePrefix));
        foreach (var setting in SettingsCatalog.StorageNames.Skip(1))
        {
            var property = typeof(StorageSettings).GetProperty(setting.Name.Split("__")[1])
                           ?? throw new InvalidOperationException($"StorageSettings has no property for {setting.Name}");
            var sample = setting.Name.EndsWith("Table", StringComparison.Ordinal) ? "ProbeTable" : "probe-container";
            probes.Add(new(setting.Name, sample, c => (string?)property.GetValue(Storage(c))));
        }

        return probes;
    }
}
