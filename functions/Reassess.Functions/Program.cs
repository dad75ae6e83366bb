using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using Reassess.Api;
using Reassess.Api.Hosting;
using Reassess.Storage.Configuration;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddReassess(
    builder.Configuration,
    StorageSettings.FromConfiguration(builder.Configuration),
    AppContext.BaseDirectory,
    // The Functions host checks function keys itself (AuthorizationLevel.Function); the API's own key check is for the self-host.
    ApiSettings.FromConfiguration(builder.Configuration));
builder.Build().Run();
