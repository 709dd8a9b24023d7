"""Settings from BIDKIT_* environment variables and an optional bidkit.toml.

Precedence (highest first): values passed in code (CLI options), BIDKIT_* environment variables,
bidkit.toml (in the current directory, or the file named by BIDKIT_CONFIG), the defaults below.

Each part of bidkit adds the few fields it needs here, with a description; keep them flat
(`kb_dir`, `embedder`, `llm_model` …) so `BIDKIT_<FIELD>` and the toml key are the same name.
"""

from __future__ import annotations

import os
from pathlib import Path

from pydantic import Field, ValidationError
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)

from bidkit.errors import ConfigError

DEFAULT_KB_DIR = Path(".bidkit") / "kb"


def config_file() -> Path:
    """The bidkit.toml that applies: $BIDKIT_CONFIG, else ./bidkit.toml (may not exist)."""
    return Path(os.environ.get("BIDKIT_CONFIG") or "bidkit.toml")


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="BIDKIT_", extra="ignore")

    # ---- knowledge base (bidkit kb) ----
    kb: Path = Field(DEFAULT_KB_DIR, description="Knowledge-base directory (embedded mode).")
    chroma_url: str | None = Field(
        None, description="Chroma server URL (server mode), e.g. http://127.0.0.1:8000."
    )
    embedder: str = Field(
        "use-m3",
        description="Embedder: 'use-m3' (offline default, bundled weights), "
        "'sentence-transformers' (embedder_model = a model directory on disk) or "
        "'openai' (an OpenAI-compatible /v1/embeddings endpoint).",
    )
    embedder_model: str | None = Field(None, description="Model path or name for the embedder.")
    embedder_base_url: str | None = Field(None, description="Base URL of an OpenAI-compatible API.")
    embedder_api_key: str | None = Field(None, description="API key for the embeddings endpoint.")

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        toml = TomlConfigSettingsSource(settings_cls, toml_file=config_file())
        return init_settings, env_settings, toml


def load_settings(**overrides) -> Settings:
    """Settings with `overrides` (None values ignored) on top; bad values → one-sentence error."""
    given = {key: value for key, value in overrides.items() if value is not None}
    try:
        return Settings(**given)
    except ValidationError as exc:
        first = exc.errors()[0]
        field = ".".join(str(part) for part in first["loc"])
        raise ConfigError(
            f"setting '{field}' is invalid ({first['msg']}); fix BIDKIT_{field.upper()} "
            f"or {config_file()}."
        ) from exc
    except Exception as exc:  # a broken bidkit.toml raises tomllib errors
        raise ConfigError(f"{config_file()} cannot be read ({exc}); fix or remove it.") from exc
