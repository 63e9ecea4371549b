"""The Litestar application factory."""

from __future__ import annotations

from dishka import AsyncContainer
from dishka.integrations.litestar import DishkaRouter, LitestarProvider, setup_dishka
from litestar import Litestar
from litestar.openapi import OpenAPIConfig
from litestar.openapi.plugins import ScalarRenderPlugin, SwaggerRenderPlugin
from litestar.openapi.spec import Components, SecurityScheme

from gifthub.config import Settings
from gifthub.entrypoints.bus.runtime import bus_lifespan
from gifthub.entrypoints.http.client_address import client_address_middleware
from gifthub.entrypoints.http.controllers.backoffice import BackofficeSearchController
from gifthub.entrypoints.http.controllers.banks import BankController
from gifthub.entrypoints.http.controllers.billing import InvoiceController
from gifthub.entrypoints.http.controllers.billing_platform import BillingPlatformController
from gifthub.entrypoints.http.controllers.cabinets import CabinetController
from gifthub.entrypoints.http.controllers.catalog import CatalogController, CommissionController
from gifthub.entrypoints.http.controllers.catalog_exports import CatalogExportController
from gifthub.entrypoints.http.controllers.companies import CompanyController
from gifthub.entrypoints.http.controllers.crm_failures import CrmFailureController
from gifthub.entrypoints.http.controllers.dev_mailbox import DevMailboxController
from gifthub.entrypoints.http.controllers.health import healthz, readyz
from gifthub.entrypoints.http.controllers.identity import IDENTITY_CONTROLLERS
from gifthub.entrypoints.http.controllers.low_balance import LowBalanceController
from gifthub.entrypoints.http.controllers.notifications import NotificationController
from gifthub.entrypoints.http.controllers.orders import OrderController
from gifthub.entrypoints.http.controllers.problem_types import ProblemTypeController
from gifthub.entrypoints.http.controllers.projects import ProjectController
from gifthub.entrypoints.http.controllers.xlsx_orders import XlsxOrderController
from gifthub.entrypoints.http.counterparties_plugin import CounterpartiesPlugin
from gifthub.entrypoints.http.giftery_plugin import GifteryPlugin
from gifthub.entrypoints.http.openapi_problems import document_problems
from gifthub.entrypoints.http.principal import HttpPrincipalProvider, authenticated
from gifthub.entrypoints.http.problems import exception_handlers
from gifthub.entrypoints.http.web_cabinet import web_cabinet
from gifthub.entrypoints.jobs.order_worker import order_worker_lifespan
from gifthub.entrypoints.jobs.scheduler import scheduler_lifespan
from gifthub.ioc import make_container

API_CONTROLLERS = [
    CabinetController,
    ProjectController,
    CatalogController,
    CommissionController,
    CompanyController,
    BankController,
    CrmFailureController,
    BackofficeSearchController,
    InvoiceController,
    BillingPlatformController,
    NotificationController,
    LowBalanceController,
    *IDENTITY_CONTROLLERS,
    OrderController,
    XlsxOrderController,
    CatalogExportController,
]
BACKGROUND_TASKS = [
    bus_lifespan,
    order_worker_lifespan,
    scheduler_lifespan,
]  # each: container -> a lifespan context manager (runs while the app runs)
REQUEST_BODY_LIMIT = 1024 * 1024


def http_providers() -> list:
    return [LitestarProvider(), HttpPrincipalProvider()]


def create_app(settings: Settings | None = None, container: AsyncContainer | None = None) -> Litestar:
    settings = settings or Settings.from_env()
    container = container or make_container(settings, *http_providers())
    api = DishkaRouter(
        path="/api/v1", route_handlers=API_CONTROLLERS, security=[{"bearer": []}], guards=[authenticated]
    )
    health = DishkaRouter(
        path="/", route_handlers=[healthz, readyz, DevMailboxController, ProblemTypeController], include_in_schema=True
    )
    app = Litestar(
        route_handlers=[api, health, web_cabinet()],
        exception_handlers=exception_handlers,
        middleware=[client_address_middleware(settings.http.trusted_proxies)],
        request_max_body_size=REQUEST_BODY_LIMIT,
        openapi_config=OpenAPIConfig(
            title="GiftHub API",
            version="1.0.0",
            description=(
                "The B2B cabinet of a corporate gift-card platform. Amounts are decimal strings; "
                "errors are RFC 9457 problem details whose `type` is stable per error."
            ),
            path="/schema",
            render_plugins=[ScalarRenderPlugin(), SwaggerRenderPlugin(path="/swagger")],
            components=Components(security_schemes={"bearer": SecurityScheme(type="http", scheme="bearer")}),
        ),
        lifespan=[task(container) for task in BACKGROUND_TASKS],
        on_shutdown=[container.close],
        plugins=[GifteryPlugin(settings, container), CounterpartiesPlugin()],
        debug=False,
    )
    setup_dishka(container, app)
    document_problems(app)
    return app


def asgi() -> Litestar:
    """Factory for ASGI servers: ``uvicorn --factory gifthub.entrypoints.http.app:asgi``."""
    return create_app()
