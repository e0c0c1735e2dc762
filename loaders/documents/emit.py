"""A document's facts → its RDF graph (IRIs and properties as in loaders/documents/README.md)."""

from __future__ import annotations

from rdflib import RDF, XSD, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, SKOS

from gcmkg.graph.core import ids
from gcmkg.graph.core.vocab import GCM
from gcmkg.loaders.documents.extract.propernames import Thing
from gcmkg.loaders.documents.extraction import DocumentFacts
from gcmkg.loaders.documents.facts import Agent, CitedName, EventRef, InitiativeFact, SegmentRef, SessionRef
from gcmkg.loaders.documents.markup import footnote_number
from gcmkg.loaders.documents.segmenting import Footnote, Passage, Section
from gcmkg.loaders.documents.themes.assign import DocumentThemes
from gcmkg.loaders.documents.themes.classifier import METHOD, Classified, method_description

_INITIATIVE_CLASSES = {"joint-programme": GCM.JointProgramme, "project": GCM.Project}
_CITED_CLASSES = {
    Thing.ORGANISATION: GCM.Organisation,
    Thing.INITIATIVE: GCM.Initiative,
    Thing.PUBLICATION: GCM.Publication,
}
_OWNER_PROPERTIES = {
    Thing.ORGANISATION: PROV.actedOnBehalfOf,
    Thing.INITIATIVE: GCM.implementedBy,
    Thing.PUBLICATION: DCTERMS.creator,
}
_STAGE_WORDS = {"funded": "programme", "pipeline": "pipeline programme", "proposal": "proposed programme"}


class _Emitter:
    def __init__(self, facts: DocumentFacts, source_iri: URIRef, themes: DocumentThemes, terms_iri: URIRef) -> None:
        self.facts = facts
        self.themes = themes
        self.terms = terms_iri
        self.doc_id = facts.meta.identifier
        self.doc = URIRef(ids.document(self.doc_id))
        self.source = source_iri
        self.graph = Graph()
        self.footnote_labels = {note.label for note in facts.segmented.footnotes}

    def add(self, subject: URIRef, predicate: URIRef, obj: URIRef | Literal) -> None:
        self.graph.add((subject, predicate, obj))

    def span(self, node: URIRef, start: int, end: int) -> None:
        self.add(node, GCM.startOffset, Literal(start, datatype=XSD.nonNegativeInteger))
        self.add(node, GCM.endOffset, Literal(end, datatype=XSD.nonNegativeInteger))

    def label(self, node: URIRef, text: str) -> None:
        self.add(node, SKOS.prefLabel, Literal(text, lang="en"))

    def passage_iri(self, passage: Passage) -> URIRef:
        return URIRef(ids.passage(self.doc_id, passage.number))

    def document(self) -> None:
        meta = self.facts.meta
        self.add(self.doc, RDF.type, GCM.Document)
        self.add(self.doc, DCTERMS.identifier, Literal(meta.identifier))
        self.add(self.doc, DCTERMS.title, Literal(meta.title, lang="en"))
        self.add(self.doc, GCM.documentKind, Literal(meta.kind))
        self.add(self.doc, PROV.wasDerivedFrom, self.source)
        if meta.date:
            self.add(self.doc, DCTERMS.date, Literal(meta.date, datatype=XSD.date))
        if meta.language:
            self.add(self.doc, DCTERMS.language, Literal(meta.language))
        if meta.year is not None:
            self.add(self.doc, GCM.aboutReview, self.review(meta.year))
        if self.facts.session is not None:
            self.add(self.doc, GCM.aboutSession, self.session(self.facts.session))

    def review(self, year: int) -> URIRef:
        node = URIRef(ids.review(year))
        self.add(node, RDF.type, GCM.Review)
        self.add(node, GCM.reviewYear, Literal(str(year), datatype=XSD.gYear))
        self.label(node, f"Regional Review of the GCM in the ECE region, {year}")
        return node

    def segment(self, ref: SegmentRef) -> URIRef:
        node = URIRef(ids.review_segment(ref.year, ref.kind))
        self.add(node, RDF.type, GCM.ReviewSegment)
        self.add(node, GCM.segmentKind, Literal(ref.kind))
        self.add(node, GCM.segmentOf, self.review(ref.year))
        self.label(node, f"{ref.year} review, {ref.kind} segment")
        return node

    def event(self, ref: EventRef) -> URIRef:
        return self.session(ref) if isinstance(ref, SessionRef) else self.segment(ref)

    def session(self, ref: SessionRef) -> URIRef:
        node = URIRef(ids.session(ref.year, ref.number))
        self.add(node, RDF.type, GCM.Session)
        self.add(node, GCM.sessionNumber, Literal(ref.number))
        self.add(node, GCM.partOfReview, self.review(ref.year))
        self.label(node, f"{ref.year} review, session {ref.number}")
        return node

    def section(self, section: Section) -> URIRef:
        node = URIRef(ids.section(self.doc_id, section.number))
        self.add(node, RDF.type, GCM.Section)
        self.add(node, GCM.sectionNumber, Literal(section.number))
        self.add(node, GCM.heading, Literal(section.heading.text))
        self.add(node, GCM.inDocument, self.doc)
        self.span(node, section.start, section.end)
        return node

    def passage(self, passage: Passage) -> None:
        node = self.passage_iri(passage)
        self.add(node, RDF.type, GCM.Passage)
        self.add(node, GCM.passageNumber, Literal(passage.number))
        self.add(node, GCM.passageOf, self.doc)
        self.add(self.doc, GCM.hasPassage, node)
        self.add(node, GCM.text, Literal(passage.text))
        self.span(node, passage.start, passage.end)
        if passage.section is not None:
            self.add(node, GCM.inSection, URIRef(ids.section(self.doc_id, passage.section.number)))
        for ref in passage.refs:
            if ref.label in self.footnote_labels:
                self.add(node, GCM.hasFootnote, URIRef(ids.footnote(self.doc_id, ref.label)))
        for number in self.facts.objectives.get(passage.number, []):
            self.add(node, GCM.aboutObjective, URIRef(ids.objective(number)))
        for match in self.facts.mentions.get(passage.number, []):
            if match.entity.region_of is not None:
                self.region(match.entity.iri, match.entity.label, match.entity.region_of.iri)
            self.mention(passage, match.entity.iri, match.surface, match.start, match.end)
        for found in self.themes.principles.get(passage.number, []):
            self.add(node, GCM.aboutPrinciple, found.principle)
            self.mention(passage, found.principle, found.surface, found.start, found.end)
        for classified in self.themes.classified.get(passage.number, []):
            self.classification(passage, classified, self.themes.scope[passage.number])

    def classification(self, passage: Passage, classified: Classified, scope: str) -> None:
        """A classified link, kept apart from explicit ones: its own property and a node with score and method."""
        node = self.passage_iri(passage)
        objective = URIRef(ids.objective(classified.objective))
        finding = URIRef(ids.classification(self.doc_id, passage.number, classified.objective))
        self.add(node, GCM.classifiedObjective, objective)
        self.add(finding, RDF.type, GCM.ObjectiveClassification)
        self.add(finding, GCM.classificationOf, node)
        self.add(finding, GCM.assignedObjective, objective)
        self.add(finding, GCM.score, Literal(f"{classified.score:.4f}", datatype=XSD.decimal))
        self.add(finding, GCM.classificationScope, Literal(scope))
        self.add(finding, PROV.wasGeneratedBy, self.method())

    def method(self) -> URIRef:
        node = URIRef(ids.method(METHOD))
        self.add(node, RDF.type, GCM.ClassificationMethod)
        self.label(node, "Objective classification by term weights of the GCM's objectives")
        self.add(node, SKOS.definition, Literal(method_description(), lang="en"))
        self.add(node, PROV.used, self.terms)
        return node

    def mention(self, passage: Passage, entity: URIRef, surface: str, start: int, end: int) -> None:
        """A name of ``entity`` at [start, end) of the document, in ``passage``."""
        node = self.passage_iri(passage)
        mention = URIRef(ids.mention(self.doc_id, start, end))
        self.add(node, GCM.mentions, entity)
        self.add(mention, RDF.type, GCM.Mention)
        self.add(mention, GCM.mentionIn, node)
        self.add(mention, GCM.mentionOf, entity)
        self.add(mention, GCM.surfaceForm, Literal(surface))
        self.span(mention, start, end)

    def region(self, region: URIRef, label: str, organisation: URIRef) -> None:
        self.add(region, RDF.type, GCM.Region)
        self.label(region, label)
        self.add(region, GCM.regionOf, organisation)

    def footnote(self, footnote: Footnote) -> None:
        node = URIRef(ids.footnote(self.doc_id, footnote.label))
        self.add(node, RDF.type, GCM.Footnote)
        self.add(node, GCM.footnoteLabel, Literal(footnote.label))
        number = footnote_number(footnote.label)
        if number is not None:
            self.add(node, GCM.footnoteNumber, Literal(number))
        self.add(node, GCM.inDocument, self.doc)
        self.add(node, GCM.text, Literal(footnote.text))
        self.span(node, footnote.start, footnote.end)

    def agent(self, agent: Agent) -> URIRef:
        """The agent's IRI; people and organisations unknown to the reference data are described here."""
        if agent.label is not None:
            self.add(agent.iri, RDF.type, GCM.Person if agent.person else GCM.Organisation)
            self.label(agent.iri, agent.label)
        for affiliated in agent.affiliations:
            self.add(agent.iri, GCM.affiliation, self.agent(affiliated))
        return agent.iri

    def participations(self) -> None:
        for fact in self.facts.participations:
            via = self.agent(fact.via) if fact.via else None
            agent = self.agent(fact.agent)
            event = self.event(fact.event)
            node = URIRef(ids.participation(str(event), fact.role, agent, via))
            self.add(node, RDF.type, GCM.Participation)
            if isinstance(fact.event, SessionRef):
                self.add(event, GCM.hasParticipation, node)
                self.add(node, GCM.inSession, event)
            else:
                self.add(node, GCM.inSegment, event)
            self.add(node, GCM.agent, agent)
            self.add(node, GCM.role, URIRef(ids.role(fact.role)))
            self.add(node, PROV.wasDerivedFrom, self.passage_iri(fact.passage))
            if via is not None:
                self.add(node, GCM.via, via)
            for spoken_for in fact.on_behalf_of:
                self.add(node, GCM.onBehalfOf, self.agent(spoken_for))

    def contributions(self) -> None:
        for fact in self.facts.contributions:
            agent = self.agent(fact.agent)
            node = URIRef(ids.contribution(fact.year, agent, fact.forum))
            self.add(node, RDF.type, GCM.Participation)
            self.add(node, GCM.contributionTo, self.review(fact.year))
            self.add(node, GCM.agent, agent)
            self.add(node, GCM.role, URIRef(ids.role("contributor")))
            self.add(node, GCM.forum, Literal(fact.forum))
            self.add(node, PROV.wasDerivedFrom, self.passage_iri(fact.passage))

    def attendance(self) -> None:
        for fact in self.facts.attendance:
            self.add(self.review(fact.year), GCM.attendee, self.agent(fact.agent))

    def sessions(self) -> None:
        for statement in self.facts.sessions:
            node = self.session(statement.session)
            for number in statement.objectives:
                self.add(node, GCM.addressesObjective, URIRef(ids.objective(number)))

    def initiatives(self) -> None:
        for fact in self.facts.initiatives:
            node = fact.iri
            self.add(node, RDF.type, _INITIATIVE_CLASSES.get(fact.word, GCM.Initiative))
            self.label(node, initiative_label(fact))
            self.add(node, GCM.fundedBy, fact.fund.iri)
            self.add(node, GCM.status, URIRef(ids.status(fact.status)))
            for state in fact.states:
                self.add(node, GCM.implementedIn, state.iri)
            if fact.place is not None:
                self.add(node, GCM.placeName, Literal(fact.place))
            self.add(node, PROV.wasDerivedFrom, self.passage_iri(fact.passage))
            for number in fact.objectives:
                self.add(node, GCM.contributesToObjective, URIRef(ids.objective(number)))
            self.mention(fact.passage, node, fact.surface, fact.start, fact.end)

    def statistics(self) -> None:
        for fact in self.facts.statistics:
            node = URIRef(ids.statistic(self.doc_id, fact.start, fact.end))
            self.add(node, RDF.type, GCM.Statistic)
            self.add(node, GCM.value, Literal(fact.value, datatype=XSD.decimal))
            if fact.value_max is not None:
                self.add(node, GCM.maximumValue, Literal(fact.value_max, datatype=XSD.decimal))
            self.add(node, GCM.unit, Literal(fact.unit))
            self.add(node, GCM.statisticKind, Literal(fact.kind))
            if fact.period_start is not None and fact.period_start == fact.period_end:
                self.add(node, GCM.referenceYear, Literal(str(fact.period_start), datatype=XSD.gYear))
            if fact.period_start is not None:
                self.add(node, GCM.periodStart, Literal(str(fact.period_start), datatype=XSD.gYear))
            if fact.period_end is not None:
                self.add(node, GCM.periodEnd, Literal(str(fact.period_end), datatype=XSD.gYear))
            if fact.measures:
                self.add(node, GCM.measures, Literal(fact.measures))
            if fact.about is not None:
                self.add(node, GCM.statisticAbout, fact.about)
            self.add(node, GCM.surfaceForm, Literal(fact.surface))
            self.add(node, GCM.statedIn, self.passage_iri(fact.passage))
            self.span(node, fact.start, fact.end)

    def citations(self) -> None:
        for fact in self.facts.citations:
            if fact.footnote is not None:
                node = URIRef(ids.citation(self.doc_id, fact.footnote.label, fact.index))
                self.add(node, GCM.citationFootnote, URIRef(ids.footnote(self.doc_id, fact.footnote.label)))
            else:  # a URL in the passage's own text
                assert fact.passage is not None
                node = URIRef(ids.passage_citation(self.doc_id, fact.passage.number, fact.index))
            self.add(node, RDF.type, GCM.Citation)
            self.add(node, GCM.url, Literal(fact.url, datatype=XSD.anyURI))
            if fact.passage is not None:
                self.add(node, GCM.citingPassage, self.passage_iri(fact.passage))
            if fact.cited is not None:
                self.cited_name(fact.cited)
            if fact.documents is not None:
                self.add(node, GCM.documents, fact.documents)

    def cited_name(self, name: CitedName) -> None:
        """An organisation, initiative or publication the reference data does not know, named where a citation
        points; a possessor it belongs to is its owner."""
        self.add(name.iri, RDF.type, _CITED_CLASSES[name.thing])
        self.label(name.iri, name.label)
        if name.owner is not None:
            self.add(name.iri, _OWNER_PROPERTIES[name.thing], name.owner)
        self.add(name.iri, PROV.wasDerivedFrom, self.passage_iri(name.passage))
        self.mention(name.passage, name.iri, name.phrase, name.start, name.end)


def initiative_label(fact: InitiativeFact) -> str:
    """ "Migration Multi-Partner Trust Fund programme in North Macedonia and Serbia": the same in every
    document that names the initiative, whatever word it uses."""
    names = [state.label for state in sorted(fact.states, key=lambda state: str(state.iri))]
    where = ", ".join(names[:-1]) + " and " + names[-1] if len(names) > 1 else (names or [fact.place or ""])[0]
    return f"{fact.fund.label} {_STAGE_WORDS[fact.status]} in {where}"


def document_graph(facts: DocumentFacts, source_iri: URIRef, themes: DocumentThemes, terms_iri: URIRef) -> Graph:
    """The RDF graph of one document, everything extracted from it and its themes (``terms_iri``: the
    objective-terms file the classifier used)."""
    emitter = _Emitter(facts, source_iri, themes, terms_iri)
    emitter.document()
    for section in facts.segmented.sections:
        emitter.section(section)
    for passage in facts.segmented.passages:
        emitter.passage(passage)
    for footnote in facts.segmented.footnotes:
        emitter.footnote(footnote)
    emitter.sessions()
    emitter.participations()
    emitter.contributions()
    emitter.attendance()
    emitter.initiatives()
    emitter.statistics()
    emitter.citations()
    return emitter.graph
