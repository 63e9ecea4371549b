"""The unit of work of catalog exports: the core repositories plus the exports."""

from __future__ import annotations

from sqlalchemy.exc import DBAPIError

from gifthub.adapters.persistence.errors import as_port_error
from gifthub.adapters.persistence.repositories.catalog_exports import SqlCatalogExportRepository
from gifthub.adapters.persistence.unit_of_work import SqlAlchemyUnitOfWork


class SqlCatalogExportsUnitOfWork(SqlAlchemyUnitOfWork):
    async def __aenter__(self) -> SqlCatalogExportsUnitOfWork:
        await super().__aenter__()
        self.exports = SqlCatalogExportRepository(self.session, self.tracker)
        return self

    async def commit(self) -> None:
        try:
            await self.exports.flush()  # new rows before the outbox and the commit
        except DBAPIError as error:
            raise as_port_error(error) from error
        await super().commit()
