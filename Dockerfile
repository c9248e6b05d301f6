# Production-like image: gunicorn for the web, the same image for the Celery worker and beat.
FROM node:20-slim AS frontend
WORKDIR /build
COPY package.json package-lock.json ./
COPY frontend ./frontend
RUN npm ci --no-audit --no-fund && npm run build

FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 DJANGO_SETTINGS_MODULE=config.settings.production
WORKDIR /app
COPY requirements.lock ./
RUN pip install --no-cache-dir --requirement requirements.lock
COPY --from=frontend /build/node_modules ./node_modules
COPY --from=frontend /build/build ./build
COPY . .
# collectstatic needs settings to load; these values exist only for this build step.
RUN SECRET_KEY=build-only DATABASE_URL=postgres://build@localhost/build REDIS_URL=redis://localhost:6379/0 \
    python manage.py collectstatic --no-input
RUN useradd --system --uid 10001 keyworking && mkdir -p /app/var && chown keyworking /app/var
USER keyworking
EXPOSE 8000
CMD ["gunicorn", "config.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3", "--threads", "4"]
