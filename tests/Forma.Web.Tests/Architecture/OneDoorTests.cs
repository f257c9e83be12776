using System.Reflection;
using System.Text.RegularExpressions;
using Forma.Web.Infrastructure.Access;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Forma.Web.Tests.Architecture;

/// <summary>
/// Pages, endpoints, jobs and tools reach a capability through one door, its use case (ADR-010), so none of them can
/// skip the permission check, the plan gate or the validation that the use case owns. These tests hold the code to it:
/// a page that calls an endpoint handler or writes through the DbContext, or a state-changing endpoint that does the
/// work itself, fails here by name. (That both doors then refuse alike is shown in <see cref="SameRefusalOnEveryDoorTests"/>.)
/// </summary>
public partial class OneDoorTests
{
    /// <summary>
    /// State-changing endpoints not yet behind a use case, each with the reason. The list only shrinks: a new endpoint
    /// that writes must adapt a use case.
    /// </summary>
    private static readonly Dictionary<string, string> NotYetUseCases = new(StringComparer.Ordinal)
    {
        // Sign-in and re-authentication: CredentialCheck and Sessions.StartAsync still answer HTTP results and read the
        // request; they become use cases together (one change), with the pages that call them (see NotYetPages).
        ["POST /api/v1/auth/login"] = Credentials,
        ["POST /api/v1/auth/signup"] = Credentials,
        ["POST /api/v1/auth/refresh"] = Credentials,
        ["POST /api/v1/auth/switch"] = Credentials,
        ["POST /api/v1/auth/email/verification"] = Credentials,
        ["POST /api/v1/invitations/accept"] = Credentials,
        ["POST /api/v1/auth/mfa/totp/"] = Credentials,
        ["POST /api/v1/auth/mfa/totp/disable"] = Credentials,
        ["PUT /api/v1/auth/password/"] = Credentials,
        ["DELETE /api/v1/me/"] = Credentials,
        ["POST /api/v1/tenant/close"] = Credentials,
        // API-only today (no page changes them): next in line.
        ["DELETE /api/v1/activities/{id:guid}"] = ApiOnly,
        ["POST /api/v1/activities/{id:guid}/restore"] = ApiOnly,
        ["PUT /api/v1/activities/{id:guid}/primary"] = ApiOnly,
        ["POST /api/v1/calendar-feed/rotate"] = ApiOnly,
        ["POST /api/v1/staff/{membershipId:guid}/calendar-feed/rotate"] = ApiOnly,
        // The upload streams multipart parts into blobs before anything could hand them to a use case; the checks it
        // makes (plan gate, storage, imports quota, athlete writable) are PlanGate's own methods.
        ["POST /api/v1/athletes/{athleteId:guid}/imports"] = "streams its body; gated through PlanGate directly",
        // Not a caller: the payment provider's signed event, applied once per event id by SubscriptionSync.
        ["POST /api/v1/billing/webhook"] = "signed provider event, no caller",
        // The operator console: cross-tenant by design, authenticated by the operator key, no tenant caller.
        ["POST /api/v1/ops/tenants"] = Operator,
        ["POST /api/v1/ops/tenants/{id:guid}/reopen"] = Operator,
        ["POST /api/v1/ops/jobs/{id:guid}/retry"] = Operator,
    };

    /// <summary>Pages still calling a handler, with the reason; the list only shrinks.</summary>
    private static readonly Dictionary<string, string> NotYetPages = new(StringComparer.Ordinal)
    {
        ["src/Forma.Web/Pages/Public/SignIn.razor: calls the endpoint handler AuthEndpoints.Login"] = Credentials,
        ["src/Forma.Web/Pages/Public/SignUp.razor: calls the endpoint handler AuthEndpoints.Signup"] = Credentials,
        ["src/Forma.Web/Pages/Public/AcceptInvitation.razor: calls the endpoint handler InvitationAcceptance.Accept"] = Credentials,
        ["src/Forma.Web/Pages/Settings/Security.razor: calls the endpoint handler MfaEndpoints.Enrol"] = Credentials,
        ["src/Forma.Web/Pages/Settings/Security.razor: calls the endpoint handler MfaEndpoints.Disable"] = Credentials,
    };

    private const string Credentials = "credential check and session start still answer HTTP results";
    private const string ApiOnly = "API-only, not yet converted";
    private const string Operator = "operator console, no tenant caller";

    [Fact]
    public void Pages_NeverCallAnEndpointHandler_NorWriteThroughTheDbContext()
    {
        var offences = new List<string>();
        foreach (var (path, text) in RepositorySources.Read("src/Forma.Web/Pages", ".razor", ".cs"))
        {
            offences.AddRange(HandlerCall().Matches(text).Select(m => $"{path}: calls the endpoint handler {m.Value.TrimEnd('(')}"));
            offences.AddRange(DbWrite().Matches(text).Select(m => $"{path}: writes through the DbContext ({m.Value.Trim()})"));
        }

        var unlisted = offences.Where(o => !NotYetPages.ContainsKey(o)).ToList();
        var converted = NotYetPages.Keys.Where(k => !offences.Contains(k)).Select(k => $"{k} is converted now: take it off the list");
        Assert.True(unlisted.Count == 0 && !converted.Any(), "Pages must go through use cases:\n" + string.Join('\n', unlisted.Concat(converted)));
    }

    [Fact]
    public async Task EveryStateChangingApiEndpoint_AdaptsAUseCase()
    {
        await using var host = await WebHost.StartAsync();
        var endpoints = ((IEndpointRouteBuilder)host.App).DataSources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1", StringComparison.Ordinal) == true)
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Any(m => m is "POST" or "PUT" or "PATCH" or "DELETE") == true)
            .ToList();
        Assert.NotEmpty(endpoints);

        var without = new List<string>();
        foreach (var endpoint in endpoints)
        {
            var name = $"{string.Join(',', endpoint.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods)} {endpoint.RoutePattern.RawText}";
            var handler = endpoint.Metadata.OfType<MethodInfo>().FirstOrDefault();
            var adapts = handler?.GetParameters().Any(p => typeof(IUseCase).IsAssignableFrom(p.ParameterType)) == true;
            if (!adapts && !NotYetUseCases.ContainsKey(name))
            {
                without.Add(name);
            }
            else if (adapts && NotYetUseCases.ContainsKey(name))
            {
                without.Add($"{name} adapts a use case now: take it off the list");
            }
        }

        Assert.True(without.Count == 0, "State-changing endpoints must adapt a use case:\n" + string.Join('\n', without.Order(StringComparer.Ordinal)));
    }

    [Fact]
    public void EveryUseCase_TakesTheCallerOrSaysWhyNot_AndReturnsNoHttpType()
    {
        var offences = new List<string>();
        foreach (var type in UseCaseRegistration.All)
        {
            var run = type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).Where(m => m.Name == "RunAsync").ToList();
            if (run.Count == 0)
            {
                offences.Add($"{type.Name} has no public RunAsync");
            }

            foreach (var method in run)
            {
                var returned = method.ReturnType.IsGenericType ? method.ReturnType.GetGenericArguments()[0] : method.ReturnType;
                if (typeof(IResult).IsAssignableFrom(returned) || method.GetParameters().Any(p => p.ParameterType == typeof(HttpContext)))
                {
                    offences.Add($"{type.Name}.RunAsync deals in HTTP types; use cases return domain results and refuse with DomainException");
                }
            }
        }

        Assert.True(offences.Count == 0, string.Join('\n', offences));
    }

    /// <summary>A static call on an endpoint class (<c>AuthEndpoints.Login(</c>): the page would skip the endpoint's filters.</summary>
    [GeneratedRegex(@"\b[A-Z][A-Za-z]*(Endpoints?|Acceptance)\.[A-Z][A-Za-z]*\(")]
    private static partial Regex HandlerCall();

    /// <summary><c>Db.SaveChangesAsync(</c>, <c>db.Athletes.Add(</c>, <c>.ExecuteUpdateAsync(</c>: a page changing data itself.</summary>
    [GeneratedRegex(@"\b[Dd]b(\.[A-Z][A-Za-z]*)?\.(SaveChanges(Async)?|Add(Range)?(Async)?|Remove(Range)?|Update(Range)?|Attach)\s*\(|\.Execute(Update|Delete)(Async)?\s*\(")]
    private static partial Regex DbWrite();
}
