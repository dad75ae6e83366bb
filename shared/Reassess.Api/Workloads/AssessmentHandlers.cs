using System.Globalization;
using Microsoft.AspNetCore.Http;
using Reassess.Api.Http;
using Reassess.Pipeline;

namespace Reassess.Api.Workloads;

/// <summary><c>GET /api/workloads/{id}/assessments?from=&amp;to=</c>: a workload's assessment history, oldest first.</summary>
public sealed class AssessmentHandlers(PipelineContext context)
{
    public const int DefaultDays = 90;

    public async Task<IResult> ListAsync(string id, string? from, string? to, CancellationToken cancellationToken)
    {
        if (WorkloadId.Refuse(id) is { } invalid) return invalid;
        if (await context.Workloads.FindAsync(id, cancellationToken) is null) return WorkloadHandlers.Unknown(id);

        var now = context.Clock.GetUtcNow();
        if (!TryInstant(to, now, endOfDay: true, out var until)) return Problems.BadRequest("to", $"'{to}' is not a date; use yyyy-MM-dd or an ISO 8601 instant.");
        if (!TryInstant(from, until.AddDays(-DefaultDays), endOfDay: false, out var since)) return Problems.BadRequest("from", $"'{from}' is not a date; use yyyy-MM-dd or an ISO 8601 instant.");
        if (since > until) return Problems.BadRequest("from", $"{since:yyyy-MM-dd} is after to ({until:yyyy-MM-dd}).");

        return Json.Ok(await context.Assessments.ListAsync(id, since, until, cancellationToken));
    }

    private static bool TryInstant(string? text, DateTimeOffset fallback, bool endOfDay, out DateTimeOffset instant)
    {
        instant = fallback;
        if (string.IsNullOrWhiteSpace(text)) return true;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            instant = new DateTimeOffset(day.ToDateTime(endOfDay ? TimeOnly.MaxValue : TimeOnly.MinValue), TimeSpan.Zero);
            return true;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out instant);
    }
}
