using System.Text.Json;
using Reassess.Core.Decisions;
using Reassess.Core.Reporting;
using static Reassess.Core.Tests.Reporting.ReportFixtures;

namespace Reassess.Core.Tests.Reporting;

public class AssessmentsJsonTests
{
    private static readonly ReportFile Json = File(WeeklyReportRenderer.Render(Report()), "assessments.json");

    [Fact]
    public void Document_has_week_as_of_assessments_and_skipped_at_the_top()
    {
        using var doc = JsonDocument.Parse(Json.Content);
        var root = doc.RootElement;
        Assert.Equal(["week", "asOf", "assessments", "skipped", "notes"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("2026-W48", root.GetProperty("week").GetString());
        Assert.Equal(AsOf, root.GetProperty("asOf").GetDateTimeOffset());
        var skipped = root.GetProperty("skipped")[0];
        Assert.Equal(["source", "location", "message"], skipped.EnumerateObject().Select(p => p.Name));
        Assert.Equal("openrouter", skipped.GetProperty("source").GetString());
    }

    [Fact]
    public void Assessments_deserialise_back_to_the_same_verdicts_in_report_order()
    {
        var back = AssessmentsJson.Read(Json.Content);

        Assert.Equal("2026-W48", back.Week);
        Assert.Equal(
            [
                ("invoice-extract", Verdict.PrepareFineTune), ("clause-tagging", Verdict.FineTune), ("contract-review", Verdict.Route),
                ("xss-probe", Verdict.StayOnFrontier), ("support-triage", Verdict.FineTune),
            ],
            back.Assessments.Select(a => (a.WorkloadId, a.Verdict)));
        var flipped = back.Assessments.Single(a => a.WorkloadId == "support-triage");
        Assert.Equal(Verdict.StayOnFrontier, flipped.Flip!.PreviousVerdict);
        Assert.Equal(9.584m, flipped.Economics.PaybackMonths);
        Assert.Null(back.Assessments[0].Economics.PaybackMonths);
        Assert.Null(back.Assessments[0].Sensitivity.FlipMonthlyCalls);
        Assert.Equal(HostileName, back.Assessments[3].WorkloadName);
        var route = back.Assessments[2];
        Assert.Equal("openai/gpt-4.1-mini", route.BestRoute);
        Assert.Equal([OptionKind.Stay, OptionKind.Route, OptionKind.Route, OptionKind.Route, OptionKind.FineTune], route.Options.Select(o => o.Kind));
        Assert.Equal((0.6m, 49_087.00m), (route.Options[2].Share, route.Options[2].HorizonNet));
        Assert.Equal((0.0456m, true), (back.Assessments[1].Sensitivity.Margin, back.Assessments[1].Sensitivity.Fragile));
        Assert.Equal(2, back.Skipped.Count);
    }

    [Fact]
    public void Verdicts_are_written_by_name_and_nulls_are_kept()
    {
        var text = Text(Json);
        Assert.Contains("\"verdict\": \"FineTune\"", text);
        Assert.Contains("\"paybackMonths\": null", text);
        Assert.Contains("\"flipBaselinePriceChangePct\": null", text);
    }
}
