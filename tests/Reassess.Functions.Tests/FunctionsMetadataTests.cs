using Reassess.Api;
using Reassess.Pipeline.Jobs;

namespace Reassess.Functions.Tests;

/// <summary>
/// The Functions build's <c>functions.metadata</c> (what the Functions host indexes and binds) agrees with
/// <see cref="JobTimers"/> and <see cref="HttpCatalog"/>, which the self-host and the settings files are made from: the same functions, each
/// timer on its catalog schedule setting, each HTTP function on its route and method, and only health open without a key.
/// </summary>
public class FunctionsMetadataTests
{
    private static readonly IReadOnlyList<FunctionEntry> Built = FunctionEntry.ReadBuilt();

    public static TheoryData<string> Timers => new(JobTimers.All.Select(t => t.Name));

    public static TheoryData<string> HttpFunctions => new(HttpCatalog.Functions.Select(f => f.Name));

    [Fact]
    public void The_app_has_exactly_the_catalog_functions()
    {
        var catalog = JobTimers.All.Select(t => t.Name).Concat(HttpCatalog.Functions.Select(f => f.Name)).Order(StringComparer.Ordinal);

        Assert.Equal(catalog, Built.Select(f => f.Name).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Timers))]
    public void A_timer_fires_on_the_schedule_setting_the_catalog_names(string name)
    {
        var timer = JobTimers.All.Single(t => t.Name == name);

        var built = Built.Single(f => f.Name == name);

        Assert.Equal(("timerTrigger", timer.ScheduleExpression), (built.TriggerType, built.Schedule));
    }

    [Theory]
    [MemberData(nameof(HttpFunctions))]
    public void An_http_function_answers_the_catalog_route_and_method_at_its_auth_level(string name)
    {
        var function = HttpCatalog.Functions.Single(f => f.Name == name);

        var built = Built.Single(f => f.Name == name);

        Assert.Equal("httpTrigger", built.TriggerType);
        Assert.Equal(function.Route, built.Route);
        Assert.Equal([function.Method], built.Methods);
        Assert.Equal(function.Anonymous ? "Anonymous" : "Function", built.AuthLevel);
    }

    [Fact]
    public void Only_health_is_open_without_a_function_key()
    {
        Assert.Equal(["Health"], Built.Where(f => f.AuthLevel == "Anonymous").Select(f => f.Name));
    }

}
