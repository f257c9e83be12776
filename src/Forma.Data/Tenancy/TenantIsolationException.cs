namespace Forma.Data.Tenancy;

/// <summary>
/// Code tried to read or write across the tenant boundary. Always a bug in our code, never the
/// caller's fault: it is logged as an error and answered as a plain 404 or 500 that reveals nothing.
/// </summary>
public sealed class TenantIsolationException(string message) : InvalidOperationException(message);
