using System.Text.Json;
using Reassess.Core.Decisions;
using Reassess.Core.Ingestion;
using Reassess.Core.Json;

namespace Reassess.Core.Reporting;

/// <summary>
/// <c>assessments.json</c>: the week's assessments in report order, serialised with <see cref="ReassessJson.Options"/>
/// (the same contract as <c>/api/whatif</c>), plus the skipped inputs and the week's notes.
/// </summary>
public static class AssessmentsJson
{
    public const string FileName = WeeklyReportRenderer.AssessmentsJsonName;
    public const string ContentType = "application/json";

    /// <summary><see cref="ReassessJson.Options"/> with LF line breaks whatever the platform.</summary>
    private static readonly JsonSerializerOptions Options = CreateOptions();

    public static ReportFile Render(WeeklyReport report) => Render(ReportModel.Build(report));

    internal static ReportFile Render(ReportModel model)
    {
        var document = new AssessmentsDocument(
            model.Report.Week.ToString(),
            model.Report.AsOf,
            model.Entries.Select(e => e.Assessment).ToList(),
            model.Skipped,
            model.Report.Notes ?? []);
        var json = JsonSerializer.Serialize(document, Options) + "\n";
        return new ReportFile(FileName, WeeklyReportRenderer.Utf8.GetBytes(json), ContentType);
    }

    /// <summary>Reads an <c>assessments.json</c> back (for the reports API and for tests).</summary>
    public static AssessmentsDocument Read(ReadOnlySpan<byte> utf8Json) =>
        JsonSerializer.Deserialize<AssessmentsDocument>(utf8Json, ReassessJson.Options)
        ?? throw new JsonException("assessments.json holds null");

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(ReassessJson.Options) { NewLine = "\n" };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}

/// <summary>The shape of <c>assessments.json</c>.</summary>
public sealed record AssessmentsDocument(
    string Week,
    DateTimeOffset AsOf,
    IReadOnlyList<Assessment> Assessments,
    IReadOnlyList<InputProblem> Skipped,
    IReadOnlyList<string>? Notes = null);
