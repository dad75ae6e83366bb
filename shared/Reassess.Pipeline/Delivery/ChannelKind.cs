namespace Reassess.Pipeline.Delivery;

/// <summary>Where a message goes, and so which renderer writes its body and which sender carries it.</summary>
public enum ChannelKind
{
    /// <summary>Microsoft Teams through a Workflows (or classic incoming) webhook: an Adaptive Card JSON body.</summary>
    Teams,

    /// <summary>A Slack incoming webhook: a Block Kit JSON body.</summary>
    Slack,

    /// <summary>Any other HTTP endpoint that takes the generic JSON body.</summary>
    Webhook,

    /// <summary>E-mail over SMTP (the <c>smtp</c> section of the teams file), HTML with a plain-text alternative.</summary>
    Email,
}

public static class ChannelKinds
{
    /// <summary>The spelling in the teams file: <c>teams</c>, <c>slack</c>, <c>webhook</c>, <c>email</c>.</summary>
    public static string Name(this ChannelKind kind) => kind.ToString().ToLowerInvariant();

    public static IReadOnlyList<string> Names { get; } = Enum.GetValues<ChannelKind>().Select(Name).ToList();

    public static bool TryParse(string? text, out ChannelKind kind)
    {
        foreach (var candidate in Enum.GetValues<ChannelKind>())
        {
            if (string.Equals(candidate.Name(), text, StringComparison.OrdinalIgnoreCase))
            {
                kind = candidate;
                return true;
            }
        }

        kind = default;
        return false;
    }

    /// <summary>True for the kinds that POST JSON to a webhook URL.</summary>
    public static bool IsWebhook(this ChannelKind kind) => kind is not ChannelKind.Email;
}
