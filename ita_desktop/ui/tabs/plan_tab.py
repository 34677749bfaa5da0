"""ติดตามแผน: the anti-corruption action plan, its projects and monitoring rounds."""

from .base import PlaceholderTab


class PlanTab(PlaceholderTab):
    title = "ติดตามแผน"
    description = "แผนปฏิบัติการป้องกันการทุจริต โครงการรายมิติ งบประมาณรายปี และการติดตามรอบ ๖ เดือนและ ๑๒ เดือน"
