using System.Text.Json;
using Reassess.Core.Reporting;

namespace Reassess.Core.Delivery;

/// <summary>The <c>alert</c> object of a <see cref="JsonWebhookPayload"/>: its id, type, day and teams, and the event's own fields.</summary>
internal static class JsonWebhookAlert
{
    public static void Write(Utf8JsonWriter w, DeliveryAlert alert)
    {
        w.WriteString("id", alert.Id);
        w.WriteString("type", JsonNamingPolicy.CamelCase.ConvertName(alert.Kind.ToString()));
        w.WriteString("day", ReportFormat.Date(alert.Day));
        JsonWebhookPayload.Strings(w, "teams", alert.Teams);
        switch (alert)
        {
            case VerdictFlipAlert f:
                JsonWebhookPayload.Flip(w, f.Flip);
                break;
            case PriceChangeAlert p:
                w.WriteString("key", p.Change.Key);
                w.WriteString("price", p.Change.Price);
                // Token prices per 1M (or per hour) keep every digit: a misplaced one is what the reader is hunting.
                w.WriteNumber("before", p.Change.Before);
                w.WriteString("beforeSource", p.Change.BeforeSource);
                w.WriteNumber("after", p.Change.After);
                w.WriteString("afterSource", p.Change.AfterSource);
                JsonWebhookPayload.Number(w, "changePct", p.Change.ChangePct is { } pct ? decimal.Round(pct, 1, MidpointRounding.AwayFromZero) : null);
                w.WriteString("effectiveFrom", p.Change.EffectiveFrom.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture));
                break;
            case StaleSourceAlert s:
                w.WriteString("source", s.Source.Source);
                w.WriteString("since", ReportFormat.Date(s.Source.Since));
                w.WriteString("reason", s.Source.Reason);
                break;
        }
    }
}
