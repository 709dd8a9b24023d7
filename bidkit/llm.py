"""The optional chat model for drafting: an OpenAI-compatible endpoint through langchain.

Configured by BIDKIT_LLM_BASE_URL / BIDKIT_LLM_MODEL / BIDKIT_LLM_API_KEY or the same keys
(llm_base_url, llm_model, llm_api_key) in bidkit.toml. Nothing configured → None, and drafting
stays extractive and offline. langchain-openai is imported only when a model is configured
(`pip install 'bidkit[llm]'`).
"""

from __future__ import annotations

from pydantic import Field
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)

from bidkit.config import config_file
from bidkit.errors import ConfigError


class LLMSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="BIDKIT_", extra="ignore")

    llm_base_url: str | None = Field(None, description="OpenAI-compatible base URL, e.g. http://host/v1.")
    llm_model: str | None = Field(None, description="Model name at that endpoint.")
    llm_api_key: str | None = Field(None, description="API key (any string for local servers).")
    llm_timeout: float = Field(60.0, description="Seconds per request.")

    @classmethod
    def settings_customise_sources(cls, settings_cls, init_settings, env_settings,
                                   dotenv_settings, file_secret_settings
                                   ) -> tuple[PydanticBaseSettingsSource, ...]:
        return init_settings, env_settings, TomlConfigSettingsSource(settings_cls,
                                                                     toml_file=config_file())


def chat_model_from_settings(settings: LLMSettings | None = None):
    """A langchain chat model, or None when no LLM is configured."""
    try:
        settings = settings or LLMSettings()
    except Exception as exc:
        raise ConfigError(f"LLM settings cannot be read ({exc}); fix BIDKIT_LLM_* or "
                          f"{config_file()}.") from exc
    if not settings.llm_model:
        return None
    try:
        from langchain_openai import ChatOpenAI
    except ImportError as exc:
        raise ConfigError("an LLM is configured (llm_model) but langchain-openai is not "
                          "installed; run pip install 'bidkit[llm]' or unset BIDKIT_LLM_MODEL.") from exc
    return ChatOpenAI(model=settings.llm_model, base_url=settings.llm_base_url,
                      api_key=settings.llm_api_key or "not-needed", timeout=settings.llm_timeout,
                      max_retries=0, temperature=0)
