"""What the TopstepX / ProjectX gateway accepts beyond its spec's letter.

The gateway is an ASP.NET Core application: its 400 answers are ASP.NET Core's RFC 7807
``ValidationProblemDetails`` ("One or more validation errors occurred.", an ``errors`` map keyed
by property), which the framework writes before any endpoint code runs. Three framework defaults
follow, and a client written against the real gateway may rely on each.
"""

from __future__ import annotations

from ...leniency import Allowance, Leniency

ASP_NET_CORE = "ASP.NET Core, which the gateway's ValidationProblemDetails 400 answers show it runs on"

LENIENCY = Leniency(
    path_case=Allowance(
        "Literal path segments match in any case: /api/order/PLACE reaches Order/place.",
        f"{ASP_NET_CORE}: endpoint routing matches route templates case-insensitively "
        "(ASP.NET Core docs, 'Routing in ASP.NET Core', route template reference).",
    ),
    property_case=Allowance(
        "JSON property names match in any case: AccountId binds to accountId.",
        f"{ASP_NET_CORE}: MVC's System.Text.Json input formatter uses JsonSerializerDefaults.Web, "
        "whose PropertyNameCaseInsensitive is true (ASP.NET Core docs, 'Configure System.Text.Json "
        "options'; .NET docs, JsonSerializerDefaults.Web).",
    ),
    unknown_properties=Allowance(
        "JSON properties the request model does not declare are skipped, not refused.",
        f"{ASP_NET_CORE}: System.Text.Json ignores unmapped members unless the model opts in to "
        "JsonUnmappedMemberHandling.Disallow (.NET docs, 'Handle unmapped members during deserialization').",
    ),
)
