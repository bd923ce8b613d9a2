using Microsoft.AspNetCore.Identity;

namespace Placeshaper.People;

/// <summary>Someone who signs in. Passwords, lockout and security stamps are ASP.NET Core Identity's.</summary>
public sealed class Person : IdentityUser<Guid>
{
    public string DisplayName { get; set; } = "";

    /// <summary>Demo people can sign in only while the installation runs in demo mode.</summary>
    public bool IsDemo { get; set; }

    public DateTime CreatedAt { get; set; }
}
