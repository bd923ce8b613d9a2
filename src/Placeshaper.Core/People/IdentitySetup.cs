using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Placeshaper.Data;

namespace Placeshaper.People;

public static class IdentitySetup
{
    /// <summary>The password and lockout rules, the same for the web and the command line.</summary>
    public static IdentityBuilder AddPlaceshaperIdentity(this IServiceCollection services) =>
        services
            .AddIdentityCore<Person>(options =>
            {
                // NCSC password guidance: length over composition rules, and lock out repeated guessing.
                options.Password.RequiredLength = 12;
                options.Password.RequiredUniqueChars = 4;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.User.RequireUniqueEmail = true;
                options.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<PlaceshaperDb>()
            .AddDefaultTokenProviders();
}
