using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Reassess.Core.Ingestion;
using Reassess.Core.Workloads;

namespace Reassess.Pipeline.Delivery;

/// <summary>
/// Reads the teams file:
/// <code>
/// { "teams":   [ { "team": "support", "channels": [ { "kind": "teams", "urlSetting": "…" }, { "kind": "email", "to": ["a@example.com"] } ] } ],
///   "finance": { "channels": [ … ] },
///   "smtp":    { "host": "smtp.example.com", "port": 587, "from": "reassess@example.com", "userName": "…", "passwordSetting": "Reassess__SmtpPassword" } }
/// </code>
/// Webhook URLs and the SMTP password are secrets: a file may hold them inline (a local file git ignores), but a
/// deployed one names the setting holding each (<c>urlSetting</c>, <c>passwordSetting</c>), which in Azure is a Key
/// Vault reference. Every problem names its field path and says what to do; no message repeats a URL.
/// </summary>
public sealed class TeamsFileReader(IConfiguration configuration)
{
    private static readonly JsonDocumentOptions Json = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    /// <summary>
    /// Reads <paramref name="path"/> (already resolved against the content root); <see cref="TeamsFile.None"/> when it
    /// is empty. A missing or unreadable file is one problem and no channels, not an exception: the weekly report
    /// goes out all the same and says why nobody was told.
    /// </summary>
    public TeamsFile Read(string path, string? shownAs = null)
    {
        if (string.IsNullOrWhiteSpace(path)) return TeamsFile.None;
        var source = shownAs ?? path;
        if (!File.Exists(path))
            return Unreadable(source, "the teams file does not exist; create it (see samples/teams.json) or clear Reassess__TeamsPath to send nothing");
        using var stream = File.OpenRead(path);
        return Read(stream, source);
    }

    public TeamsFile Read(Stream content, string source)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(content, Json);
        }
        catch (JsonException e)
        {
            return Unreadable(source, $"not valid JSON at line {e.LineNumber + 1}, position {e.BytePositionInLine + 1}; fix the file and run again", "");
        }

        using (document)
        {
            var problems = new Problems(source);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                return Unreadable(source, "expected an object with \"teams\", \"finance\" and \"smtp\"", "");
            problems.Unknown(root, "", "teams", "finance", "smtp");

            var smtp = root.TryGetProperty("smtp", out var smtpElement) ? new SmtpSection(configuration, problems).Read(smtpElement) : null;
            var channels = new ChannelReader(configuration, problems, HasSmtp: smtp is not null, SmtpGiven: smtpElement.ValueKind != JsonValueKind.Undefined);
            var teams = ReadTeams(root, channels, problems);
            var finance = root.TryGetProperty("finance", out var financeElement) ? ReadFinance(financeElement, channels, problems) : [];
            return new TeamsFile(teams, finance, smtp, problems.All);
        }
    }

    private static List<TeamChannels> ReadTeams(JsonElement root, ChannelReader channels, Problems problems)
    {
        var teams = new List<TeamChannels>();
        if (!root.TryGetProperty("teams", out var list) || list.ValueKind != JsonValueKind.Array)
        {
            problems.Add("teams", "is required: an array of { \"team\": \"…\", \"channels\": [ … ] }");
            return teams;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var item in list.EnumerateArray())
        {
            var at = $"teams[{index++}]";
            if (item.ValueKind != JsonValueKind.Object)
            {
                problems.Add(at, "expected an object { \"team\": \"…\", \"channels\": [ … ] }");
                continue;
            }

            problems.Unknown(item, at, "team", "channels");
            var team = item.TryGetProperty("team", out var name) && name.ValueKind == JsonValueKind.String ? name.GetString() : null;
            if (Identifier.Problem(team) is { } bad)
            {
                problems.Add($"{at}.team", $"{bad}: the team's name as the workloads file spells it; its channels are skipped");
                continue;
            }

            if (!seen.Add(team!))
            {
                problems.Add($"{at}.team", $"'{team}' is listed more than once; the first entry is used, put all its channels there");
                continue;
            }

            var found = channels.ReadList(item, at);
            if (found.Count > 0) teams.Add(new TeamChannels(team!, found));
        }

        return teams;
    }

    private static List<DeliveryChannel> ReadFinance(JsonElement finance, ChannelReader channels, Problems problems)
    {
        if (finance.ValueKind != JsonValueKind.Object)
        {
            problems.Add("finance", "expected an object { \"channels\": [ … ] }");
            return [];
        }

        problems.Unknown(finance, "finance", "channels");
        return channels.ReadList(finance, "finance");
    }

    private static TeamsFile Unreadable(string source, string message, string location = "") =>
        TeamsFile.None with { Problems = [new InputProblem(source, location, message)] };
}

/// <summary>The problems found in one teams file, each at its field path.</summary>
internal sealed class Problems(string source)
{
    private readonly List<InputProblem> _all = [];

    public IReadOnlyList<InputProblem> All => _all;

    public void Add(string at, string message) => _all.Add(new InputProblem(source, at, message));

    /// <summary>Reports properties of <paramref name="item"/> other than <paramref name="known"/>: most are a misspelt name whose value would be ignored.</summary>
    public void Unknown(JsonElement item, string at, params string[] known)
    {
        foreach (var property in item.EnumerateObject())
            if (!known.Contains(property.Name, StringComparer.Ordinal))
                Add(at.Length == 0 ? property.Name : $"{at}.{property.Name}", $"is not a known field (expected {string.Join(", ", known)}); check its spelling");
    }
}
