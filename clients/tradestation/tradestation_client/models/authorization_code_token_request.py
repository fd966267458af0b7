from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.token_response_type import TokenResponseType
from ..types import UNSET, Unset

T = TypeVar("T", bound="AuthorizationCodeTokenRequest")


@_attrs_define
class AuthorizationCodeTokenRequest:
    """Form fields of the authorization-code grant (TS-OAS; legacy authorize page).

    Attributes:
        grant_type (Literal['authorization_code']): Always `authorization_code`.
        client_id (str): The API key.
        client_secret (str): The API secret.
        redirect_uri (str): Must equal the redirect URI used to obtain the code.
        code (str): Authorization code from the redirect (valid 30 seconds).
        response_type (TokenResponseType | Unset): Sent as `token` in the official token examples.
    """

    grant_type: Literal["authorization_code"]
    client_id: str
    client_secret: str = _attrs_field(repr=False)
    redirect_uri: str
    code: str = _attrs_field(repr=False)
    response_type: TokenResponseType | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        grant_type = self.grant_type

        client_id = self.client_id

        client_secret = self.client_secret

        redirect_uri = self.redirect_uri

        code = self.code

        response_type: str | Unset = UNSET
        if not isinstance(self.response_type, Unset):
            response_type = self.response_type.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "grant_type": grant_type,
                "client_id": client_id,
                "client_secret": client_secret,
                "redirect_uri": redirect_uri,
                "code": code,
            }
        )
        if response_type is not UNSET:
            field_dict["response_type"] = response_type

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        grant_type = cast(Literal["authorization_code"], d.pop("grant_type"))
        if grant_type != "authorization_code":
            raise ValueError(f"grant_type must match const 'authorization_code', got '{grant_type}'")

        client_id = d.pop("client_id")

        client_secret = d.pop("client_secret")

        redirect_uri = d.pop("redirect_uri")

        code = d.pop("code")

        _response_type = d.pop("response_type", UNSET)
        response_type: TokenResponseType | Unset
        if isinstance(_response_type, Unset):
            response_type = UNSET
        else:
            response_type = TokenResponseType(_response_type)

        authorization_code_token_request = cls(
            grant_type=grant_type,
            client_id=client_id,
            client_secret=client_secret,
            redirect_uri=redirect_uri,
            code=code,
            response_type=response_type,
        )

        authorization_code_token_request.additional_properties = d
        return authorization_code_token_request

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
