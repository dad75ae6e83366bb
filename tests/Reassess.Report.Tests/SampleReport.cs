using Microsoft.Extensions.Logging.Abstractions;
using Reassess.Core.Reporting;
using Reassess.Pipeline;
using Reassess.Pipeline.Jobs;
using Reassess.Tools.Azurite;
using Reassess.Testing;

namespace Reassess.Report.Tests;

/// <summary>The README's main command, in process: the samples' ten weeks up to 2026-W48 into a fresh account, and the week's report files.</summary>
public static class SampleReport
{
    public static readonly DateTimeOffset AsOf = new(2026, 11, 23, 0, 0, 0, TimeSpan.Zero);

    public static async Task<IReadOnlyList<ReportFile>> RenderAsync(AzuriteFixture azurite, int weeks = 10)
    {
        var account = await azurite.NewAccountAsync();
        var context = TestPipeline.Context(account, new PipelineSettings { ContentRoot = RepositoryRoot.Find() });
        var run = await new WeeklyRun(context).RunAsync(AsOf, weeks);
        Assert.Empty(run.Problems);
        return run.Files;
    }
}
