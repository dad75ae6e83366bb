using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Reassess.Api;
using Reassess.Api.OpenApi;

// The API's endpoints and document and nothing else: no storage, no keys, no jobs. The document needs only the
// endpoints' descriptions; the handlers' own services are never resolved, as no request is served.
var builder = WebApplication.CreateBuilder(args);
// The build prints what this says; startup chatter (no MVC controllers here, as expected) is not worth a line.
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.Services.AddSingleton(new ApiSettings()).AddReassessApi().AddReassessOpenApi();
var app = builder.Build();
app.MapReassessApi();
app.Run();
