using Reassess.Contract.Tests.Support;
using Reassess.Hosting.Settings;

namespace Reassess.Contract.Tests;

/// <summary>
/// The deployment (<c>infra/*.bicep</c>), <c>local.settings.example.json</c> and <see cref="SettingsCatalog"/> list the
/// same settings; a setting on one side only fails unless the catalog places it there with a reason. The cases below
/// show that taking a setting away from any one of the three is caught, and caught alone.
/// </summary>
public class SettingsContractTests
{
    private static readonly IReadOnlyList<SourceFile> Bicep = Repo.BicepFiles();
    private static readonly IReadOnlyList<BicepSetting> Infra = BicepAppSettings.Read(Bicep);
    private static readonly LocalSettingsFile Local = LocalSettingsFile.Load();

    [Fact]
    public void The_deployment_the_local_settings_and_the_catalog_agree()
    {
        var problems = SettingsContract.Compare(SettingsCatalog.All, Infra, Local);

        Assert.True(problems.Count == 0,
            $"{problems.Count} setting problem(s):\n  {string.Join("\n  ", problems)}\n\n" +
            $"local.settings.example.json as the catalog has it:\n{LocalSettingsExample.Render(SettingsCatalog.All)}");
    }

    [Fact]
    public void The_app_settings_of_the_function_app_are_found_in_the_bicep()
    {
        var names = Infra.Select(s => s.Name).ToList();

        Assert.Contains("AzureWebJobsStorage__blobServiceUri", names);
        Assert.Contains("AzureWebJobs.PublishWeeklyReport.Disabled", names); // a quoted name
        Assert.Equal(SettingsCatalog.All.Count(s => s.InAzure), names.Count);
    }

    [Theory]
    [InlineData("Reassess__PriceSources")]
    [InlineData("Reassess__OpenAiAdminKey")]
    [InlineData("AzureWebJobsStorage__queueServiceUri")]
    [InlineData("AzureWebJobsStorage__clientId")]
    [InlineData("ReportSchedule")]
    [InlineData("AzureWebJobs.IngestUsage.Disabled")]
    [InlineData("Storage__RunsTable")]
    [InlineData("APPLICATIONINSIGHTS_AUTHENTICATION_STRING")]
    public void A_setting_removed_from_the_bicep_is_reported_alone(string name)
    {
        var bicep = WithoutLine(Bicep, Infra.Single(s => s.Name == name));

        var problems = SettingsContract.Compare(SettingsCatalog.All, BicepAppSettings.Read(bicep), Local);

        var problem = Assert.Single(problems);
        Assert.Equal(name, problem.Setting);
        Assert.Contains("missing from the app settings in infra/", problem.Problem);
    }

    [Theory]
    [InlineData("AzureWebJobsStorage")]
    [InlineData("FUNCTIONS_WORKER_RUNTIME")]
    [InlineData("Reassess__WindowDays")]
    [InlineData("Reassess__FunctionKeys")]
    [InlineData("PriceRefreshSchedule")]
    [InlineData("Storage__NamePrefix")]
    public void A_setting_removed_from_the_local_settings_is_reported_alone(string name)
    {
        var problems = SettingsContract.Compare(SettingsCatalog.All, Infra, Local.Without(name));

        var problem = Assert.Single(problems);
        Assert.Equal(name, problem.Setting);
        Assert.Contains("missing from local.settings.example.json", problem.Problem);
    }

    [Theory]
    [InlineData("Reassess__UsageSources", 2)]
    [InlineData("AzureWebJobsStorage__tableServiceUri", 2)]
    [InlineData("AZURE_CLIENT_ID", 1)]
    [InlineData("Reassess__Scheduler", 1)]
    public void A_setting_removed_from_the_catalog_is_reported_on_each_side_that_has_it(string name, int sides)
    {
        var catalog = SettingsCatalog.All.Where(s => s.Name != name).ToList();

        var problems = SettingsContract.Compare(catalog, Infra, Local);

        Assert.Equal(sides, problems.Count);
        Assert.All(problems, p =>
        {
            Assert.Equal(name, p.Setting);
            Assert.Contains("not in SettingsCatalog", p.Problem);
        });
    }

    [Fact]
    public void A_setting_added_to_the_bicep_alone_is_reported()
    {
        var bicep = WithLineAfter(Bicep, Infra.Single(s => s.Name == "Reassess__WindowDays"), "    Reassess__Surprise: 'yes'");

        var problem = Assert.Single(SettingsContract.Compare(SettingsCatalog.All, BicepAppSettings.Read(bicep), Local));

        Assert.Equal("Reassess__Surprise", problem.Setting);
        Assert.Contains("not in SettingsCatalog", problem.Problem);
    }

    [Fact]
    public void A_local_only_setting_deployed_is_reported_with_the_catalogs_reason()
    {
        var bicep = WithLineAfter(Bicep, Infra.Single(s => s.Name == "AzureWebJobsStorage__clientId"), "    FUNCTIONS_WORKER_RUNTIME: 'dotnet-isolated'");

        var problem = Assert.Single(SettingsContract.Compare(SettingsCatalog.All, BicepAppSettings.Read(bicep), Local));

        Assert.Equal("FUNCTIONS_WORKER_RUNTIME", problem.Setting);
        Assert.Contains("LocalOnly: Flex Consumption takes the runtime", problem.Problem);
    }

    [Fact]
    public void A_secret_deployed_as_a_plain_value_is_reported()
    {
        var key = Infra.Single(s => s.Name == "Reassess__AnthropicAdminKey");
        var bicep = WithLineAfter(WithoutLine(Bicep, key), Infra.Single(s => s.Name == "Reassess__WindowDays"), "    Reassess__AnthropicAdminKey: anthropicKey");

        var problem = Assert.Single(SettingsContract.Compare(SettingsCatalog.All, BicepAppSettings.Read(bicep), Local));

        Assert.Equal("Reassess__AnthropicAdminKey", problem.Setting);
        Assert.Contains("@Microsoft.KeyVault(SecretUri=…/secrets/anthropic-admin-key/)", problem.Problem);
    }

    [Fact]
    public void A_secret_given_a_value_in_the_local_settings_is_reported()
    {
        var setting = SettingsCatalog.OpenAiAdminKey;
        var local = Local.With(setting.Name, "not-a-real-key-but-a-value", setting.Description);

        var problem = Assert.Single(SettingsContract.Compare(SettingsCatalog.All, Infra, local));

        Assert.Equal(setting.Name, problem.Setting);
        Assert.Contains("leave it empty", problem.Problem);
    }

    [Fact]
    public void A_bicep_default_that_differs_from_the_codes_default_is_reported()
    {
        var schedule = Infra.Single(s => s.Name == "ReportSchedule");
        var bicep = WithLineAfter(WithoutLine(Bicep, schedule), Infra.Single(s => s.Name == "ReassessSchedule"),
            "    ReportSchedule: schedules.?ReportSchedule ?? '0 0 8 * * 1'");

        var problem = Assert.Single(SettingsContract.Compare(SettingsCatalog.All, BicepAppSettings.Read(bicep), Local));

        Assert.Equal("ReportSchedule", problem.Setting);
        Assert.Contains("falls back to '0 0 8 * * 1' but the code's default is '0 0 7 * * 1'", problem.Problem);
    }

    [Fact]
    public void Comments_and_strings_do_not_count_as_settings()
    {
        var file = new SourceFile("infra/test.bicep", """
            resource app 'Microsoft.Web/sites@2024-04-01' existing = { name: 'x' }
            // resource fake 'Microsoft.Web/sites/config@2024-04-01' = { name: 'appsettings' properties: { Fake: 'x' } }
            resource settings 'Microsoft.Web/sites/config@2024-04-01' = {
              parent: app
              name: 'appsettings'
              properties: {
                First: '{ not a brace: ${concat('}', '{')} }' // Second: 'commented out'
                /* Third: 'x' */
                'Dotted.Name.Disabled': contains(list, 'x') ? 'true' : 'false'
                Nested: {
                  Inner: 'not a setting'
                }
                Last: value ?? 'fallback' // a comment
              }
            }
            """);

        var settings = BicepAppSettings.Read(file);

        Assert.Equal(["First", "Dotted.Name.Disabled", "Nested", "Last"], settings.Select(s => s.Name));
        Assert.Equal("fallback", settings[^1].LiteralDefault);
        Assert.Equal("value ?? 'fallback'", settings[^1].Value);
        Assert.Equal(13, settings[^1].Line);
    }

    private static IReadOnlyList<SourceFile> WithoutLine(IReadOnlyList<SourceFile> files, BicepSetting setting) =>
        Edit(files, setting.File, lines => lines.RemoveAt(setting.Line - 1));

    private static IReadOnlyList<SourceFile> WithLineAfter(IReadOnlyList<SourceFile> files, BicepSetting after, string line) =>
        Edit(files, after.File, lines => lines.Insert(lines.FindIndex(l => l.TrimStart().StartsWith(after.Name + ":", StringComparison.Ordinal)) + 1, line));

    private static IReadOnlyList<SourceFile> Edit(IReadOnlyList<SourceFile> files, string path, Action<List<string>> edit) =>
        files.Select(f =>
        {
            if (f.Path != path) return f;
            var lines = f.Text.Split('\n').ToList();
            edit(lines);
            return f with { Text = string.Join('\n', lines) };
        }).ToList();
}
