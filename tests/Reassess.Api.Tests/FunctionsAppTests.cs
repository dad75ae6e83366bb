using System.Reflection;
using System.Text.RegularExpressions;
using Reassess.Pipeline.Catalog;
using Reassess.Storage.Local;

namespace Reassess.Api.Tests;

/// <summary>
/// The Functions app's source checked against the catalog both hosts share: every timer and every route is declared
/// there, under the catalog's names and settings (its built triggers are checked in <see cref="OpenApiDocumentTests"/>).
/// </summary>
public class FunctionsAppTests
{
    private static readonly string Source = string.Join("\n",
        Directory.EnumerateFiles(Path.Combine(RepositoryRoot.Find(), "functions", "Reassess.Functions"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .Select(File.ReadAllText));

    public static TheoryData<string> Timers => new(FunctionCatalog.Timers.Select(t => t.Name));

    public static TheoryData<string> Routes => new(typeof(FunctionCatalog.Routes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.Name != nameof(FunctionCatalog.Routes.Prefix))
        .Select(f => f.Name));

    [Theory]
    [MemberData(nameof(Timers))]
    public void Every_timer_is_a_function_with_the_catalog_schedule_setting(string name)
    {
        var timer = FunctionCatalog.Timers.Single(t => t.Name == name);
        var declaration = new Regex(
            $"""\[Function\("{name}"\)\]\s*public Task \w+\(\[TimerTrigger\("{Regex.Escape(timer.ScheduleExpression)}"\)\] TimerInfo timer, CancellationToken cancellationToken\) =>\s*jobs\.RunAsync\({name}\.Name, timer\.IsPastDue""");

        Assert.Matches(declaration, Source);
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public void Every_route_of_the_catalog_has_an_http_trigger(string route)
    {
        Assert.Contains($"Route = Routes.{route})]", Source);
    }

    [Fact]
    public void Only_health_is_anonymous()
    {
        var anonymous = Regex.Matches(Source, @"AuthorizationLevel\.Anonymous, ""\w+"", Route = Routes\.(\w+)").Select(m => m.Groups[1].Value);

        Assert.Equal(["Health"], anonymous);
    }

    [Fact]
    public void The_app_registers_the_same_services_as_the_self_host()
    {
        Assert.Contains("builder.ConfigureFunctionsWebApplication();", Source);
        Assert.Contains("builder.Services.AddReassess(", Source);
    }
}
