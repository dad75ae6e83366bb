using System.Net;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using Reassess.Api.OpenApi;
using Reassess.Api.Workloads;
using Reassess.Sources.Usage;
using Reassess.Testing;

namespace Reassess.Api.Tests;

/// <summary>The OpenAPI document <c>reassess serve</c> serves, checked against the catalog and the Functions app's triggers.</summary>
[Collection(AzuriteFixture.Collection)]
public sealed class OpenApiDocumentTests(AzuriteFixture azurite) : IDisposable
{
    private readonly ReassessApiFactory _app = ReassessApiFactory.StartOnKestrel(azurite);

    public void Dispose() => _app.Dispose();

    public static TheoryData<string> CatalogRoutes => new(typeof(HttpCatalog.Routes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.Name != nameof(HttpCatalog.Routes.Prefix))
        .Select(f => (string)f.GetRawConstantValue()!));

    [Fact]
    public async Task The_document_is_served_without_a_key_and_is_valid_openapi()
    {
        var response = await _app.CreateClient().GetAsync(ApiDocument.Path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.MediaType()?.MediaType);
        var json = await response.Content.ReadAsStringAsync();
        var (document, errors) = Parse(json);
        Assert.Empty(errors);
        using var raw = JsonDocument.Parse(json);
        Assert.StartsWith("3.1.", raw.RootElement.GetProperty("openapi").GetString());
        Assert.Equal("Reassess HTTP API", document.Info!.Title);
    }

    [Theory]
    [MemberData(nameof(CatalogRoutes))]
    public async Task Every_route_of_the_catalog_is_a_path_of_the_document(string route)
    {
        var document = await ServedAsync();

        Assert.Contains($"/{HttpCatalog.Routes.Prefix}/{route}", document.Paths.Keys);
    }

    [Fact]
    public async Task Every_http_trigger_of_the_functions_app_is_an_operation_of_its_name_method_and_route()
    {
        var document = await ServedAsync();
        var triggers = FunctionsBuildOutput.HttpTriggers();

        Assert.Equal(
            triggers.Select(t => (t.Name, t.Method, $"/{HttpCatalog.Routes.Prefix}/{t.Route}")).Order(),
            Operations(document).Select(o => (o.Operation.OperationId!, o.Method.Method, o.Path)).Order());
    }

    [Fact]
    public async Task Every_operation_but_health_requires_the_function_key_in_the_header_or_the_query()
    {
        var document = await ServedAsync();

        var schemes = document.Components!.SecuritySchemes!;
        Assert.Equal((SecuritySchemeType.ApiKey, ParameterLocation.Header, "x-functions-key"),
            (schemes[FunctionKeySecurity.HeaderScheme].Type!.Value, schemes[FunctionKeySecurity.HeaderScheme].In!.Value, schemes[FunctionKeySecurity.HeaderScheme].Name));
        Assert.Equal((SecuritySchemeType.ApiKey, ParameterLocation.Query, "code"),
            (schemes[FunctionKeySecurity.QueryScheme].Type!.Value, schemes[FunctionKeySecurity.QueryScheme].In!.Value, schemes[FunctionKeySecurity.QueryScheme].Name));
        foreach (var (_, _, operation) in Operations(document))
        {
            var required = (operation.Security ?? []).Select(r => r.Keys.Single().Reference.Id).Order().ToList();
            Assert.Equal(operation.OperationId == HttpCatalog.HttpNames.Health ? [] : [FunctionKeySecurity.HeaderScheme, FunctionKeySecurity.QueryScheme], required);
        }
    }

    [Fact]
    public async Task The_security_matches_the_functions_app_authorization_levels()
    {
        var document = await ServedAsync();
        var operations = Operations(document).ToDictionary(o => o.Operation.OperationId!, o => o.Operation);

        foreach (var trigger in FunctionsBuildOutput.HttpTriggers())
            Assert.Equal(trigger.AuthLevel != "Anonymous", operations[trigger.Name].Security is { Count: > 0 });
    }

    [Theory]
    [InlineData(HttpCatalog.HttpNames.Health, 500)]
    [InlineData(HttpCatalog.HttpNames.WhatIf, 400, 401, 413, 415, 500)]
    [InlineData(HttpCatalog.HttpNames.Reassess, 400, 401, 409, 413, 415, 500, 503)]
    [InlineData(HttpCatalog.HttpNames.ListWorkloads, 401, 500, 503)]
    [InlineData(HttpCatalog.HttpNames.GetWorkload, 400, 401, 404, 500, 503)]
    [InlineData(HttpCatalog.HttpNames.PutWorkload, 400, 401, 413, 415, 500, 503)]
    [InlineData(HttpCatalog.HttpNames.DeleteWorkload, 400, 401, 404, 500, 503)]
    [InlineData(HttpCatalog.HttpNames.ListAssessments, 400, 401, 404, 500, 503)]
    [InlineData(HttpCatalog.HttpNames.PostEvals, 400, 401, 404, 413, 415, 500, 503)]
    [InlineData(HttpCatalog.HttpNames.PostDecision, 400, 401, 404, 412, 413, 415, 500, 503)]
    [InlineData(HttpCatalog.HttpNames.ListDecisions, 400, 401, 404, 500, 503)]
    [InlineData(HttpCatalog.HttpNames.GetOutcome, 400, 401, 404, 500, 503)]
    [InlineData(HttpCatalog.HttpNames.LatestReport, 400, 401, 404, 500, 503)]
    [InlineData(HttpCatalog.HttpNames.WeekReport, 400, 401, 404, 500, 503)]
    [InlineData(HttpCatalog.HttpNames.Trends, 400, 401, 500, 503)]
    public async Task The_problems_an_operation_can_answer_are_declared_as_problem_json(string operationId, params int[] problems)
    {
        var operation = Operation(await ServedAsync(), operationId);

        var declared = operation.Responses!
            .Where(r => r.Value.Content?.ContainsKey("application/problem+json") == true)
            .Select(r => int.Parse(r.Key)).Order();
        Assert.Equal(problems, declared);
    }

    [Theory]
    [InlineData(HttpCatalog.HttpNames.WhatIf, "WhatIfBody", true)]
    [InlineData(HttpCatalog.HttpNames.PutWorkload, "Workload", true)]
    [InlineData(HttpCatalog.HttpNames.Reassess, "ReassessSelection", false)]
    public async Task A_json_body_is_declared_as_the_type_the_handler_reads(string operationId, string schema, bool required)
    {
        var body = Operation(await ServedAsync(), operationId).RequestBody!;

        Assert.Equal(required, body.Required);
        Assert.Equal(schema, Assert.IsType<OpenApiSchemaReference>(body.Content!["application/json"].Schema).Reference.Id);
    }

    [Fact]
    public async Task Evals_are_declared_as_an_array_of_the_eval_drop_files_columns()
    {
        var document = await ServedAsync();
        var body = Operation(document, HttpCatalog.HttpNames.PostEvals).RequestBody!.Content!["application/json"].Schema!;

        Assert.Equal(JsonSchemaType.Array, body.Type);
        Assert.Equal(nameof(EvalSubmission), Assert.IsType<OpenApiSchemaReference>(body.Items).Reference.Id);
        Assert.Equal(EvalDropReader.Shape.RequiredColumns.Order(), document.Components!.Schemas![nameof(EvalSubmission)].Properties!.Keys.Order());
    }

    [Theory]
    [InlineData(HttpCatalog.HttpNames.LatestReport, "application/json", "text/html", "text/markdown", "text/csv")]
    [InlineData(HttpCatalog.HttpNames.WeekReport, "application/json", "text/html", "text/markdown", "text/csv")]
    [InlineData(HttpCatalog.HttpNames.Trends, "application/json", "text/csv")]
    public async Task Answers_given_as_json_or_text_declare_every_media_type(string operationId, params string[] mediaTypes)
    {
        var ok = Operation(await ServedAsync(), operationId).Responses!["200"];

        Assert.Equal(mediaTypes.Order(), ok.Content!.Keys.Order());
    }

    [Fact]
    public async Task The_functions_app_ships_the_served_document_in_its_build_output()
    {
        Assert.True(File.Exists(FunctionsBuildOutput.OpenApiDocumentPath),
            $"{FunctionsBuildOutput.OpenApiDocumentPath} is missing; build functions/Reassess.Functions, which writes it.");
        var shipped = JsonNode.Parse(await File.ReadAllTextAsync(FunctionsBuildOutput.OpenApiDocumentPath))!;
        var served = JsonNode.Parse(await _app.CreateClient().GetStringAsync(ApiDocument.Path))!;

        // The served copy also names the server it came from; everything that describes the API is the same.
        foreach (var part in new[] { "openapi", "info", "paths", "components" })
            Assert.Equal(served[part]!.ToJsonString(), shipped[part]!.ToJsonString());
        Assert.Empty(Parse(shipped.ToJsonString()).Errors);
    }

    private async Task<OpenApiDocument> ServedAsync()
    {
        var (document, errors) = Parse(await _app.CreateClient().GetStringAsync(ApiDocument.Path));
        Assert.Empty(errors);
        return document;
    }

    /// <summary>Read and validated by OpenAPI.NET: the errors its reader and its default rules find.</summary>
    internal static (OpenApiDocument Document, IReadOnlyList<OpenApiError> Errors) Parse(string json)
    {
        var result = OpenApiDocument.Parse(json, OpenApiConstants.Json);
        var document = result.Document ?? throw new InvalidDataException(string.Join("; ", result.Diagnostic?.Errors.Select(e => e.Message) ?? []));
        return (document, [.. result.Diagnostic?.Errors ?? [], .. document.Validate(ValidationRuleSet.GetDefaultRuleSet()) ?? []]);
    }

    private static IEnumerable<(string Path, HttpMethod Method, OpenApiOperation Operation)> Operations(OpenApiDocument document) =>
        document.Paths.SelectMany(path => (path.Value.Operations ?? []).Select(op => (path.Key, op.Key, op.Value)));

    private static OpenApiOperation Operation(OpenApiDocument document, string operationId) =>
        Operations(document).Single(o => o.Operation.OperationId == operationId).Operation;
}
