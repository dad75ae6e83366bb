using System.Text.Json;
using Microsoft.Extensions.Configuration;
using MimeKit;
using Reassess.Core.Workloads;

namespace Reassess.Pipeline.Delivery;

/// <summary>
/// Reads the <c>channels</c> of a team or of finance. A channel with a problem is reported at its field path and left
/// out; the others are kept. Webhook URLs are resolved here (inline, or from the setting <c>urlSetting</c> names) so
/// that a missing secret is found when the file is read, not halfway through sending.
/// </summary>
internal sealed record ChannelReader(IConfiguration Configuration, Problems Problems, bool HasSmtp, bool SmtpGiven)
{
    public List<DeliveryChannel> ReadList(JsonElement owner, string at)
    {
        var channels = new List<DeliveryChannel>();
        if (!owner.TryGetProperty("channels", out var list) || list.ValueKind != JsonValueKind.Array || list.GetArrayLength() == 0)
        {
            Problems.Add($"{at}.channels", "is required: a non-empty array of { \"kind\": \"teams|slack|webhook|email\", … }");
            return channels;
        }

        var index = 0;
        foreach (var item in list.EnumerateArray())
        {
            var channelAt = $"{at}.channels[{index++}]";
            if (Read(item, channelAt, channels) is not { } channel) continue;
            if (channels.Any(c => c.Id == channel.Id))
                Problems.Add($"{channelAt}.id", $"'{channel.Id}' is used by another channel of the same team; give each an id of its own");
            else
                channels.Add(channel);
        }

        return channels;
    }

    private DeliveryChannel? Read(JsonElement item, string at, List<DeliveryChannel> earlier)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            Problems.Add(at, "expected an object { \"kind\": \"teams|slack|webhook|email\", … }");
            return null;
        }

        Problems.Unknown(item, at, "kind", "id", "url", "urlSetting", "to");
        var kindText = JsonFields.Text(item, "kind", at, Problems);
        if (!ChannelKinds.TryParse(kindText, out var kind))
        {
            Problems.Add($"{at}.kind", $"{(kindText is null ? "is required" : $"'{kindText}' is not a channel kind")}: one of {string.Join(", ", ChannelKinds.Names)}");
            return null;
        }

        var id = JsonFields.Text(item, "id", at, Problems) ?? DefaultId(kind, earlier);
        if (Identifier.Problem(id) is { } badId)
        {
            Problems.Add($"{at}.id", badId);
            return null;
        }

        return kind.IsWebhook() ? Webhook(item, at, id, kind) : Email(item, at, id);
    }

    /// <summary>The kind for a team's first channel of that kind, then <c>kind-2</c>, <c>kind-3</c>…, so ids stay put while channels of other kinds come and go.</summary>
    private static string DefaultId(ChannelKind kind, List<DeliveryChannel> earlier)
    {
        var same = earlier.Count(c => c.Kind == kind);
        return same == 0 ? kind.Name() : $"{kind.Name()}-{same + 1}";
    }

    private DeliveryChannel? Webhook(JsonElement item, string at, string id, ChannelKind kind)
    {
        if (item.TryGetProperty("to", out _))
            Problems.Add($"{at}.to", $"only e-mail channels have recipients; a {kind.Name()} channel posts to its URL");
        var inline = JsonFields.Text(item, "url", at, Problems);
        var setting = JsonFields.Text(item, "urlSetting", at, Problems);
        if ((inline is null) == (setting is null))
        {
            Problems.Add(at, inline is null
                ? "needs \"urlSetting\" (the name of the setting holding the webhook URL, e.g. a Key Vault reference in Azure) or \"url\" (inline, for a local file only)"
                : "has both \"url\" and \"urlSetting\"; keep one (urlSetting outside a local file, as the URL is a secret)");
            return null;
        }

        string? text;
        string field;
        if (setting is not null)
        {
            field = $"{at}.urlSetting";
            if (ConfiguredSecret.NameProblem(setting) is { } badName)
            {
                Problems.Add(field, badName);
                return null;
            }

            text = ConfiguredSecret.Read(Configuration, setting);
            if (text is null)
            {
                Problems.Add(field, $"setting {setting} is not set; set it to the channel's webhook URL (in Azure, a Key Vault reference)");
                return null;
            }
        }
        else
        {
            field = $"{at}.url";
            text = inline;
        }

        var address = WebhookAddress.TryParse(text, out var problem);
        if (address is null)
        {
            Problems.Add(field, setting is null ? problem! : $"setting {setting} {problem}");
            return null;
        }

        return new DeliveryChannel(id, kind, address, []);
    }

    private DeliveryChannel? Email(JsonElement item, string at, string id)
    {
        if (item.TryGetProperty("url", out _) || item.TryGetProperty("urlSetting", out _))
            Problems.Add(at, "an e-mail channel has no URL; it sends through the \"smtp\" section to the addresses in \"to\"");
        if (!HasSmtp)
        {
            Problems.Add(at, SmtpGiven
                ? "e-mail needs a valid \"smtp\" section; fix the problems reported there"
                : "e-mail needs an \"smtp\" section (host, port, from) in the teams file");
            return null;
        }

        if (!item.TryGetProperty("to", out var to) || to.ValueKind != JsonValueKind.Array || to.GetArrayLength() == 0)
        {
            Problems.Add($"{at}.to", "is required: a non-empty array of e-mail addresses");
            return null;
        }

        var addresses = new List<string>();
        var index = 0;
        foreach (var entry in to.EnumerateArray())
        {
            var entryAt = $"{at}.to[{index++}]";
            var text = entry.ValueKind == JsonValueKind.String ? entry.GetString()!.Trim() : null;
            if (text is null || !IsAddress(text))
                Problems.Add(entryAt, $"{(text is null ? "expected a string" : $"'{text}' is not an e-mail address")} such as team@example.com");
            else
                addresses.Add(text);
        }

        return addresses.Count == index ? new DeliveryChannel(id, ChannelKind.Email, null, addresses) : null;
    }

    /// <summary>One mailbox, as MimeKit will read it when sending (<c>a@example.com</c> or <c>Name &lt;a@example.com&gt;</c>).</summary>
    internal static bool IsAddress(string text) =>
        MailboxAddress.TryParse(text, out var mailbox) && mailbox.Address.IndexOf('@') is > 0 and var at && at < mailbox.Address.Length - 1;
}

/// <summary>Typed reads of JSON fields that report a value of the wrong type at its path.</summary>
internal static class JsonFields
{
    /// <summary>The string at <paramref name="name"/>, or null when it is absent, null or (reported) not a string.</summary>
    public static string? Text(JsonElement item, string name, string at, Problems problems)
    {
        if (!item.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind == JsonValueKind.String) return string.IsNullOrWhiteSpace(value.GetString()) ? null : value.GetString()!.Trim();
        problems.Add($"{at}.{name}", $"expected a string, found {value.ValueKind.ToString().ToLowerInvariant()}");
        return null;
    }
}
