from enum import StrEnum
from typing import Any


class TicketingOfferPriceCurrency(StrEnum):
    EUR = "eur"
    EUR_UPPERCASE = "EUR"

    def __str__(self) -> str:
        return str(self.value)

    @property
    def is_unknown(self) -> bool:
        """True for a value this client version does not know (sent by a newer server)."""
        return self._name_ == "UNKNOWN"

    @classmethod
    def _missing_(cls, value: Any) -> "TicketingOfferPriceCurrency | None":
        if not isinstance(value, str):
            return None
        member = str.__new__(cls, value)
        member._name_ = "UNKNOWN"
        member._value_ = value
        return member
