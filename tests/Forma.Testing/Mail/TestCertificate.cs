using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Forma.Testing.Mail;

/// <summary>A self-signed certificate for 127.0.0.1, made fresh per test, for servers that speak TLS on loopback.</summary>
public static class TestCertificate
{
    public static X509Certificate2 ForLoopback()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=forma-test-smtp", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(System.Net.IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        var now = DateTimeOffset.UtcNow;
        return request.CreateSelfSigned(now.AddMinutes(-5), now.AddHours(1));
    }

    /// <summary>The SHA-256 fingerprint, as Mail:Smtp:ServerCertificateThumbprint takes it.</summary>
    public static string Sha256(X509Certificate2 certificate) => Convert.ToHexString(certificate.GetCertHash(HashAlgorithmName.SHA256));
}
