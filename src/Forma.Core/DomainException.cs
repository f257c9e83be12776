namespace Forma.Core;

/// <summary>
/// The one way a use case or a rule refuses: bad input, something that does not exist (or that the caller may not
/// see), a permission, the plan, or the state of the data. Endpoints and pages never word refusals themselves; the
/// web host maps this to RFC 9457 problem details in one place (an inline message on a page, the same problem from
/// the API), with <see cref="Code"/> as its stable type, so callers can branch on it.
/// </summary>
public class DomainException : Exception
{
    /// <summary>A refusal about one field of the request (400), or a broken rule (409 for <c>-taken</c>/<c>-conflict</c> codes, else 422).</summary>
    public DomainException(string code, string message, string? field = null)
        : this(KindFor(code, field), code, message, errors: field is null ? null : new Dictionary<string, string[]> { [field] = [message] })
    {
    }

    public DomainException(
        RefusalKind kind, string code, string message, string? detail = null,
        IReadOnlyDictionary<string, string[]>? errors = null, IReadOnlyDictionary<string, object?>? extensions = null)
        : base(message)
    {
        Kind = kind;
        Code = code;
        Detail = detail;
        Errors = errors ?? new Dictionary<string, string[]>();
        Extensions = extensions ?? new Dictionary<string, object?>();
    }

    public RefusalKind Kind { get; }

    /// <summary>A stable, kebab-case identifier such as <c>slug-taken</c>.</summary>
    public string Code { get; }

    /// <summary>What to do about it, when there is more to say than the message.</summary>
    public string? Detail { get; }

    /// <summary>For <see cref="RefusalKind.Invalid"/>: what each request field needs, keyed by the field's JSON name.</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; }

    /// <summary>The request field the error is about, when there is exactly one.</summary>
    public string? Field => Errors.Count == 1 ? Errors.Keys.First() : null;

    /// <summary>Machine-readable facts for the caller (the limit reached, the plan that lifts it…).</summary>
    public IReadOnlyDictionary<string, object?> Extensions { get; }

    public static DomainException Invalid(string field, string message) => new("validation", message, field);

    public static DomainException Invalid(IReadOnlyDictionary<string, string[]> errors) =>
        new(RefusalKind.Invalid, "validation", "The request has invalid fields.", errors: errors);

    /// <summary>Does not exist, or the caller may not see it: the same answer, so existence does not leak.</summary>
    public static DomainException NotFound(string what) => new(RefusalKind.NotFound, "not-found", $"No such {what}.");

    public static DomainException Forbidden(string message, string code = "forbidden") => new(RefusalKind.Forbidden, code, message);

    public static DomainException Conflict(string code, string message, string? detail = null) => new(RefusalKind.Conflict, code, message, detail);

    /// <summary>The request is well formed but the state of things does not allow it (422).</summary>
    public static DomainException Rule(string code, string message, string? detail = null) => new(RefusalKind.Rule, code, message, detail);

    private static RefusalKind KindFor(string code, string? field) =>
        field is not null ? RefusalKind.Invalid
        : code.EndsWith("-taken", StringComparison.Ordinal) || code.EndsWith("-conflict", StringComparison.Ordinal) ? RefusalKind.Conflict
        : RefusalKind.Rule;
}

/// <summary>Why a request was refused; each kind has one HTTP status, chosen in the web host's problem mapping.</summary>
public enum RefusalKind
{
    /// <summary>A field is malformed or out of range (400).</summary>
    Invalid,

    /// <summary>Not there, or not the caller's to see (404).</summary>
    NotFound,

    /// <summary>The caller's role or credential does not allow it (403).</summary>
    Forbidden,

    /// <summary>The business's plan does not include the feature (403, naming the plan that does).</summary>
    NotInPlan,

    /// <summary>A plan limit would be passed (402).</summary>
    QuotaExceeded,

    /// <summary>Someone or something got there first: a taken name, a booked slot, a changed row (409).</summary>
    Conflict,

    /// <summary>Well formed, but a rule of the domain does not allow it now (422).</summary>
    Rule,

    /// <summary>Too many attempts; try again later (429).</summary>
    TooManyRequests,

    /// <summary>A service the work depends on (a payment provider…) failed or refused; nothing was changed here (502).</summary>
    Upstream,

    /// <summary>The credential presented (a password, a code, an emailed link's token) does not prove who the caller is (401).</summary>
    Unauthenticated,
}
