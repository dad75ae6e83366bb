using System.Text;
using Microsoft.Extensions.Configuration;
using Reassess.Core.Workloads;
using Reassess.Pipeline.Delivery;
using Reassess.Tools.Azurite;

namespace Reassess.Pipeline.Tests.Delivery;

/// <summary>The teams file: the sample, secrets named by setting, and bad entries reported at their field paths without stopping the rest.</summary>
public sealed class TeamsFileReaderTests
{
    private const string SlackKey = "T0000/B0000/SLACKKEY9d8c7b6a";

    private static IConfiguration Settings(params (string Name, string Value)[] values) =>
        new ConfigurationBuilder()
            // As Azure hands app settings over (environment variables: "__" becomes ":").
            .AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Name.Replace("__", ":", StringComparison.Ordinal), v.Value)))
            .Build();

    private static TeamsFile Read(string json, IConfiguration? configuration = null) =>
        new TeamsFileReader(configuration ?? Settings()).Read(new MemoryStream(Encoding.UTF8.GetBytes(json)), "teams.json");

    private static string[] Problems(TeamsFile file) => file.Problems.Select(p => p.ToString()).ToArray();

    [Fact]
    public async Task The_sample_gives_every_sample_team_a_channel_and_finance_one()
    {
        var root = RepositoryRoot.Find();
        var workloads = await new WorkloadCatalog().ReadAsync(File.OpenRead(Path.Combine(root, "samples", "workloads.json")), "workloads.json", new(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow));

        var file = new TeamsFileReader(Settings()).Read(Path.Combine(root, "samples", "teams.json"));

        Assert.Empty(file.Problems);
        Assert.Equal(workloads.Records.Select(w => w.Team).Distinct().Order(), file.Teams.Select(t => t.Team).Order());
        Assert.All(file.Teams, t => Assert.NotEmpty(t.Channels));
        Assert.Single(file.Finance);
        Assert.Equal(
            ["teams", "email"],
            file.ChannelsOf("support").Select(c => c.Id));
        Assert.Equal("http://127.0.0.1:8099/…", file.ChannelsOf("devex").Single().Destination);
        Assert.Equal((2525, SmtpSecurity.None, (string?)null), (file.Smtp!.Port, file.Smtp.Security, file.Smtp.UserName));
    }

    [Fact]
    public void A_url_named_by_setting_is_read_from_configuration_and_shown_redacted()
    {
        var file = Read("""
            { "teams": [ { "team": "devex", "channels": [ { "kind": "slack", "urlSetting": "Reassess__Delivery__DevexSlack" } ] } ] }
            """, Settings(("Reassess__Delivery__DevexSlack", $"https://hooks.slack.com/services/{SlackKey}")));

        Assert.Empty(file.Problems);
        var channel = file.ChannelsOf("devex").Single();
        Assert.Equal((ChannelKind.Slack, "slack"), (channel.Kind, channel.Id));
        Assert.Equal($"https://hooks.slack.com/services/{SlackKey}", channel.Address!.Url.ToString());
        Assert.Equal("https://hooks.slack.com/…", channel.Destination);
        Assert.DoesNotContain("SLACKKEY", channel.ToString());
    }

    [Fact]
    public void Bad_channels_and_teams_are_reported_by_field_path_and_the_good_ones_kept()
    {
        var file = Read($$"""
            {
              "teams": [
                { "team": "support", "channels": [ { "kind": "teams", "url": "http://127.0.0.1:8099/teams/support" } ] },
                { "team": "devex", "channels": [
                    { "kind": "slack", "url": "hooks.slack.com/services/{{SlackKey}}" },
                    { "kind": "webhook", "url": "https://capture.example.com/devex" }
                ] },
                { "team": "legal", "channels": [ { "kind": "pager", "url": "https://x.example.com" } ] },
                { "team": "catalog", "channels": [ { "kind": "slack", "urlSetting": "Reassess__Delivery__CatalogSlack" } ] },
                { "team": "", "channels": [] },
                { "team": "support", "channels": [ { "kind": "slack", "url": "https://hooks.slack.com/x" } ] },
                { "team": "ops", "channels": [ { "kind": "email", "to": ["not an address"] } ] }
              ],
              "finance": { "channels": [ { "kind": "teams", "url": "https://prod-1.westeurope.logic.azure.com/workflows/abc" } ] }
            }
            """);

        Assert.Equal(
        [
            "teams.json, teams[1].channels[0].url: is not an absolute http or https URL",
            "teams.json, teams[2].channels[0].kind: 'pager' is not a channel kind: one of teams, slack, webhook, email",
            "teams.json, teams[3].channels[0].urlSetting: setting Reassess__Delivery__CatalogSlack is not set; set it to the channel's webhook URL (in Azure, a Key Vault reference)",
            "teams.json, teams[4].team: is required: the team's name as the workloads file spells it; its channels are skipped",
            "teams.json, teams[5].team: 'support' is listed more than once; the first entry is used, put all its channels there",
            "teams.json, teams[6].channels[0]: e-mail needs an \"smtp\" section (host, port, from) in the teams file",
        ], Problems(file));
        Assert.Equal(["support", "devex"], file.Teams.Select(t => t.Team));
        Assert.Equal("webhook", file.ChannelsOf("devex").Single().Id);
        Assert.Single(file.Finance);
        Assert.DoesNotContain(file.Problems, p => p.ToString().Contains("SLACKKEY", StringComparison.Ordinal));
    }

    [Fact]
    public void The_smtp_section_is_checked_and_its_password_comes_from_the_default_setting()
    {
        const string Json = """
            { "teams": [ { "team": "legal", "channels": [ { "kind": "email", "to": ["legal@example.com", "bad@"] }, { "kind": "email", "id": "counsel", "to": ["c@example.com"] } ] } ],
              "smtp": { "host": "smtp.example.com", "from": "reassess@example.com", "userName": "reassess" } }
            """;

        var withPassword = Read(Json, Settings(("Reassess__SmtpPassword", "pw-from-key-vault")));
        var without = Read(Json);

        Assert.Equal(["teams.json, teams[0].channels[0].to[1]: 'bad@' is not an e-mail address such as team@example.com"], Problems(withPassword));
        Assert.Equal(["counsel"], withPassword.ChannelsOf("legal").Select(c => c.Id));
        Assert.Equal(("smtp.example.com", 587, SmtpSecurity.StartTls, "pw-from-key-vault"),
            (withPassword.Smtp!.Host, withPassword.Smtp.Port, withPassword.Smtp.Security, withPassword.Smtp.Password));
        Assert.DoesNotContain("pw-from-key-vault", withPassword.Smtp.ToString());
        Assert.Null(without.Smtp);
        Assert.Contains("teams.json, smtp.passwordSetting: setting Reassess__SmtpPassword is not set; set it to the password of reassess (in Azure, a Key Vault reference), or remove userName to send without signing in", Problems(without));
        Assert.Contains("teams.json, teams[0].channels[1]: e-mail needs a valid \"smtp\" section; fix the problems reported there", Problems(without));
    }

    [Fact]
    public void A_second_channel_of_a_kind_gets_its_own_id_and_a_clash_is_reported()
    {
        var file = Read("""
            { "teams": [ { "team": "support", "channels": [
                { "kind": "slack", "url": "https://hooks.slack.com/a" },
                { "kind": "slack", "url": "https://hooks.slack.com/b" },
                { "kind": "webhook", "id": "slack", "url": "https://capture.example.com/c" } ] } ] }
            """);

        Assert.Equal(["slack", "slack-2"], file.ChannelsOf("support").Select(c => c.Id));
        Assert.Equal(["teams.json, teams[0].channels[2].id: 'slack' is used by another channel of the same team; give each an id of its own"], Problems(file));
    }

    [Theory]
    [InlineData("{ \"teams\": [ ", "teams.json: not valid JSON at line 1")]
    [InlineData("[]", "teams.json: expected an object")]
    [InlineData("{ \"team\": [] }", "teams.json, team: is not a known field")]
    public void A_file_that_cannot_be_read_is_one_problem_and_no_channels(string json, string problem)
    {
        var file = Read(json);

        Assert.Empty(file.Teams);
        Assert.StartsWith(problem, Problems(file)[0]);
    }

    [Fact]
    public void No_path_means_no_deliveries_and_a_missing_file_says_what_to_do()
    {
        var reader = new TeamsFileReader(Settings());

        Assert.Same(TeamsFile.None, reader.Read(""));
        var missing = reader.Read("/nonexistent/teams.json");
        Assert.Equal("/nonexistent/teams.json: the teams file does not exist; create it (see samples/teams.json) or clear Reassess__TeamsPath to send nothing",
            Assert.Single(missing.Problems).ToString());
    }
}
